CREATE TABLE `datasets` (
	`huvudman` text NOT NULL,
	`service` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`register_updated_at` text,
	`indicators_synced_at` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`huvudman`, `service`)
);
--> statement-breakpoint
CREATE TABLE `huvudman` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`lan_code` text NOT NULL,
	`lan_name` text NOT NULL,
	`website` text
);
--> statement-breakpoint
CREATE TABLE `indicator_definitions` (
	`id` text PRIMARY KEY NOT NULL,
	`service` text NOT NULL,
	`title` text NOT NULL,
	`label` text NOT NULL,
	`description` text NOT NULL,
	`unit` text NOT NULL,
	`favourable` text NOT NULL,
	`source_id` text NOT NULL,
	`is_default` integer NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`indicator_id` text NOT NULL,
	`scope` text NOT NULL,
	`subject` text NOT NULL,
	`period` text NOT NULL,
	`value` real,
	`respondents` integer,
	`status` text,
	`kind` text NOT NULL,
	`source_id` text NOT NULL,
	`published_at` text,
	`fetched_at` text NOT NULL,
	PRIMARY KEY(`indicator_id`, `scope`, `subject`, `period`)
);
--> statement-breakpoint
CREATE INDEX `values_subject` ON `indicator_values` (`subject`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text,
	`licence` text NOT NULL,
	`attribution` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`huvudman` text NOT NULL,
	`service` text NOT NULL,
	`identity_key` text NOT NULL,
	`register_id` text,
	`name` text NOT NULL,
	`regi` text NOT NULL,
	`organisationsnummer` text,
	`aliases` text NOT NULL,
	`areas` text NOT NULL,
	`scope` text NOT NULL,
	`languages` text NOT NULL,
	`extra_services` text NOT NULL,
	`accepts_new_clients` integer,
	`hsa_id` text,
	`kolada_ou` text,
	`website` text,
	`phone` text,
	`address` text,
	`verified_at` text NOT NULL,
	`status` text NOT NULL,
	`status_date` text,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`huvudman`) REFERENCES `huvudman`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_identity` ON `units` (`huvudman`,`service`,`identity_key`);--> statement-breakpoint
CREATE INDEX `units_list` ON `units` (`huvudman`,`service`,`status`);--> statement-breakpoint
CREATE INDEX `units_hsa` ON `units` (`hsa_id`);