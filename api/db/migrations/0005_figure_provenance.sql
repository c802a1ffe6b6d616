ALTER TABLE `indicator_definitions` ADD `scale_min` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_definitions` ADD `scale_max` real DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE `indicator_definitions` ADD `count_noun` text;--> statement-breakpoint
ALTER TABLE `indicator_definitions` ADD `cadence` text;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `source_name` text;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `source_url` text;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `ci_low` real;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `ci_high` real;