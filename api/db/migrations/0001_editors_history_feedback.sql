CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`unit_id` text NOT NULL,
	`huvudman` text NOT NULL,
	`service` text NOT NULL,
	`kind` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text
);
--> statement-breakpoint
CREATE INDEX `changes_unit` ON `changes` (`unit_id`,`id`);--> statement-breakpoint
CREATE INDEX `changes_huvudman` ON `changes` (`huvudman`,`id`);--> statement-breakpoint
CREATE TABLE `editor_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`huvudman` text NOT NULL,
	`name` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text,
	FOREIGN KEY (`huvudman`) REFERENCES `huvudman`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editor_tokens_hash` ON `editor_tokens` (`hash`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`huvudman` text NOT NULL,
	`service` text NOT NULL,
	`unit_id` text,
	`page_host` text NOT NULL,
	`listing_text` text NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_huvudman` ON `feedback` (`huvudman`,`id`);