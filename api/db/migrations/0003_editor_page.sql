CREATE TABLE `editor_reviews` (
	`session_hash` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`bytes` blob NOT NULL,
	`sha256` text NOT NULL,
	`register_state` text NOT NULL,
	`reviewed_at` text NOT NULL,
	FOREIGN KEY (`session_hash`) REFERENCES `editor_sessions`(`id_hash`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `editor_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`token_id` text NOT NULL,
	`form_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `editor_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `editor_sessions_expiry` ON `editor_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `feedback_handled` (
	`feedback_id` integer PRIMARY KEY NOT NULL,
	`handled_by` text NOT NULL,
	`handled_at` text NOT NULL,
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kolada_dismissed_ous` (
	`huvudman` text NOT NULL,
	`ou` text NOT NULL,
	`dismissed_by` text NOT NULL,
	`dismissed_at` text NOT NULL,
	PRIMARY KEY(`huvudman`, `ou`)
);
