-- The household list's name search and name order, bounded by site (issues 11 and 12).
-- persons.site_id: the site of the person's household, so that the folded-name indexes start with the site
-- and a search reads the matches of the user's sites only (not every "Ahmad" of the city).
ALTER TABLE "persons" ADD COLUMN "site_id" uuid;
--> statement-breakpoint
UPDATE "persons" p SET "site_id" = h."site_id" FROM "households" h WHERE h."id" = p."household_id";
--> statement-breakpoint
ALTER TABLE "persons" ALTER COLUMN "site_id" SET NOT NULL;
--> statement-breakpoint
-- a new member, or a member moved to another household, takes that household's site (never a given value)
CREATE OR REPLACE FUNCTION persons_site_of_household() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT h.site_id INTO NEW.site_id FROM households h WHERE h.id = NEW.household_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_site_insert BEFORE INSERT ON "persons"
  FOR EACH ROW EXECUTE FUNCTION persons_site_of_household();
--> statement-breakpoint
CREATE TRIGGER persons_site_move BEFORE UPDATE OF "household_id", "site_id" ON "persons"
  FOR EACH ROW EXECUTE FUNCTION persons_site_of_household();
--> statement-breakpoint
-- a transfer moves the members' site with the household (the BEFORE trigger above recomputes it)
CREATE OR REPLACE FUNCTION households_site_to_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE persons SET site_id = NEW.site_id WHERE household_id = NEW.id AND site_id IS DISTINCT FROM NEW.site_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_site_to_members AFTER UPDATE OF "site_id" ON "households"
  FOR EACH ROW WHEN (OLD.site_id IS DISTINCT FROM NEW.site_id) EXECUTE FUNCTION households_site_to_members();
--> statement-breakpoint
CREATE INDEX "persons_site_last_fold_idx" ON "persons" USING btree ("site_id", "last_fold" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "persons_site_first_fold_idx" ON "persons" USING btree ("site_id", "first_fold" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "persons_site_last_key_idx" ON "persons" USING btree ("site_id", "last_key");
--> statement-breakpoint
CREATE INDEX "persons_site_first_key_idx" ON "persons" USING btree ("site_id", "first_key");
--> statement-breakpoint
-- one word of a double name (Schmidt → Koehler-Schmidt): only names of more than two words need the word
-- index, a name of two words is found by its first and last name already
CREATE INDEX "persons_name_words_multi_idx" ON "persons" USING gin ("name_words") WHERE cardinality("name_words") > 2;
--> statement-breakpoint
DROP INDEX IF EXISTS "persons_name_words_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "persons_last_fold_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "persons_first_fold_idx";
--> statement-breakpoint
-- households.head_name: the contact person's "Last, First" as the list shows it, kept by the members'
-- triggers, so that sorting by name reads an index instead of a sub-query per household of the site
ALTER TABLE "households" ADD COLUMN "head_name" text;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION household_head_name(hid uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT p.last_name || ', ' || p.first_name FROM persons p WHERE p.household_id = hid
  ORDER BY (p.role_in_household = 'head') DESC, p.left_on IS NOT NULL, p.created_at, p.id LIMIT 1
$$;
--> statement-breakpoint
UPDATE "households" SET "head_name" = household_head_name("id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION households_head_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE households h SET head_name = x.name
  FROM (SELECT i AS id, household_head_name(i) AS name FROM unnest(ids) i) x
  WHERE h.id = x.id AND h.head_name IS DISTINCT FROM x.name;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION persons_head_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM households_head_refresh(array_agg(DISTINCT household_id)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM households_head_refresh(array_agg(DISTINCT household_id)) FROM old_rows;
  ELSE
    PERFORM households_head_refresh(array_agg(DISTINCT x.household_id)) FROM (
      SELECT o.household_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.household_id, o.first_name, o.last_name, o.role_in_household, o.left_on)
        IS DISTINCT FROM (n.household_id, n.first_name, n.last_name, n.role_in_household, n.left_on)
      UNION SELECT n.household_id FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.household_id, o.first_name, o.last_name, o.role_in_household, o.left_on)
        IS DISTINCT FROM (n.household_id, n.first_name, n.last_name, n.role_in_household, n.left_on)
    ) x;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER persons_head_insert AFTER INSERT ON "persons"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_head_changed();
--> statement-breakpoint
CREATE TRIGGER persons_head_update AFTER UPDATE ON "persons"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_head_changed();
--> statement-breakpoint
CREATE TRIGGER persons_head_delete AFTER DELETE ON "persons"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION persons_head_changed();
--> statement-breakpoint
CREATE INDEX "households_site_head_name_idx" ON "households" USING btree ("site_id", "head_name" COLLATE "und-x-icu", "id" DESC);
--> statement-breakpoint
ANALYZE "persons";
--> statement-breakpoint
ANALYZE "households";
