CREATE INDEX "case_plans_person_idx" ON "case_plans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "needs_person_idx" ON "needs_assessments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "consents_given_by_idx" ON "consents" USING btree ("given_by_person_id");