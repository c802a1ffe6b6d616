CREATE TABLE `kolada_links` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`huvudman` text NOT NULL,
	`service` text NOT NULL,
	`ou` text NOT NULL,
	`ou_title` text,
	`method` text NOT NULL,
	`linked_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kolada_links_huvudman` ON `kolada_links` (`huvudman`);--> statement-breakpoint
CREATE TABLE `kolada_sync_runs` (
	`huvudman` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`outcome` text NOT NULL,
	`message` text,
	`summary` text
);
--> statement-breakpoint
CREATE TABLE `kolada_unlinked_ous` (
	`huvudman` text NOT NULL,
	`ou` text NOT NULL,
	`service` text NOT NULL,
	`title` text NOT NULL,
	`reason` text NOT NULL,
	`candidates` text NOT NULL,
	`seen_at` text NOT NULL,
	PRIMARY KEY(`huvudman`, `ou`)
);
