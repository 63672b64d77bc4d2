CREATE TABLE "stat_contacts_day" (
	"site_id" uuid NOT NULL,
	"day" date NOT NULL,
	"category" text NOT NULL,
	"contact_type" text NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_contacts_day_site_id_day_category_contact_type_pk" PRIMARY KEY("site_id","day","category","contact_type")
);
--> statement-breakpoint
CREATE TABLE "stat_contacts_month" (
	"site_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"contact_type" text NOT NULL,
	"contacts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_contacts_month_site_id_month_category_contact_type_pk" PRIMARY KEY("site_id","month","category","contact_type")
);
--> statement-breakpoint
CREATE TABLE "stat_households_day" (
	"site_id" uuid NOT NULL,
	"day" date NOT NULL,
	"category" text NOT NULL,
	"district_code" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_households_day_site_id_day_category_district_code_pk" PRIMARY KEY("site_id","day","category","district_code")
);
--> statement-breakpoint
CREATE TABLE "stat_households_month" (
	"site_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"district_code" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_households_month_site_id_month_category_district_code_pk" PRIMARY KEY("site_id","month","category","district_code")
);
--> statement-breakpoint
CREATE TABLE "stat_reasons_day" (
	"site_id" uuid NOT NULL,
	"day" date NOT NULL,
	"category" text NOT NULL,
	"life_area" text NOT NULL,
	"support_kind" text NOT NULL,
	"reasons" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_reasons_day_site_id_day_category_life_area_support_kind_pk" PRIMARY KEY("site_id","day","category","life_area","support_kind")
);
--> statement-breakpoint
CREATE TABLE "stat_reasons_month" (
	"site_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"life_area" text NOT NULL,
	"support_kind" text NOT NULL,
	"reasons" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_reasons_month_site_id_month_category_life_area_support_kind_pk" PRIMARY KEY("site_id","month","category","life_area","support_kind")
);
