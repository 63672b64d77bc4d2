CREATE TABLE "record_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "restricted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "restricted_by" uuid;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "restriction_reason" text;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_corrections_household_idx" ON "record_corrections" USING btree ("household_id");--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_restricted_by_users_id_fk" FOREIGN KEY ("restricted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "households_restricted_idx" ON "households" USING btree ("site_id") WHERE "households"."restricted_at" IS NOT NULL;