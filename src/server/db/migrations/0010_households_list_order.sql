DROP INDEX "households_site_idx";--> statement-breakpoint
CREATE INDEX "households_site_registered_idx" ON "households" USING btree ("site_id","registered_on" DESC NULLS LAST,"id" DESC NULLS FIRST);