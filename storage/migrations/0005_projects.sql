-- The projects service: the investment pipeline, stage history, capital arrival, the battle
-- map, problems and the units' yearly targets; and the leads' links to their conversion.

CREATE TABLE projects (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- Creation day (zone calendar) + serial of that day, e.g. 20260315-007.
  project_code VARCHAR(16) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  investor_enterprise_id BIGINT UNSIGNED NULL,
  investor_name VARCHAR(200) NOT NULL DEFAULT '',
  investor_uscc VARCHAR(18) NOT NULL DEFAULT '',
  origin_lead_id BIGINT UNSIGNED NULL,
  industry TINYINT UNSIGNED NOT NULL DEFAULT 0,
  investment_form TINYINT UNSIGNED NOT NULL DEFAULT 0,
  planned_investment_cny BIGINT NOT NULL CHECK (planned_investment_cny >= 0),
  contracted_investment_cny BIGINT NOT NULL DEFAULT 0 CHECK (contracted_investment_cny >= 0),
  land_area_mu DOUBLE NOT NULL DEFAULT 0,
  -- Decided by TierOf(planned_investment_cny) on every write; stored to filter and index.
  tier TINYINT UNSIGNED NOT NULL,
  unit_id VARCHAR(64) NOT NULL,
  owner_id VARCHAR(64) NOT NULL,
  service_secretary_id VARCHAR(64) NULL,
  stage TINYINT UNSIGNED NOT NULL,
  stage_date DATE NOT NULL,
  signed_date DATE NULL,
  lost_reason TINYINT UNSIGNED NOT NULL DEFAULT 0,
  lost_note VARCHAR(1000) NOT NULL DEFAULT '',
  capital_arrived_cny BIGINT NOT NULL DEFAULT 0,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY projects_code (project_code),
  -- A lead converts into one project.
  UNIQUE KEY projects_origin_lead (origin_lead_id),
  KEY projects_create (create_time, id),
  KEY projects_unit_create (unit_id, create_time, id),
  KEY projects_stage_date (stage, stage_date, id),
  KEY projects_tier (tier, create_time, id),
  KEY projects_amount (planned_investment_cny, id),
  KEY projects_signed (signed_date, id),
  KEY projects_investor (investor_enterprise_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every stage change; append-only.
CREATE TABLE project_stage_history (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id BIGINT UNSIGNED NOT NULL,
  from_stage TINYINT UNSIGNED NOT NULL,
  to_stage TINYINT UNSIGNED NOT NULL,
  effective_date DATE NOT NULL,
  changed_by VARCHAR(64) NOT NULL,
  note VARCHAR(2000) NOT NULL DEFAULT '',
  change_time DATETIME(6) NOT NULL,
  KEY project_stage_history_project (project_id, id),
  CONSTRAINT project_stage_history_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 到资: capital that arrived; append-only.
CREATE TABLE capital_arrivals (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id BIGINT UNSIGNED NOT NULL,
  arrival_date DATE NOT NULL,
  amount_cny BIGINT NOT NULL CHECK (amount_cny > 0),
  note VARCHAR(500) NOT NULL DEFAULT '',
  recorded_by VARCHAR(64) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  KEY capital_arrivals_project (project_id, arrival_date, id),
  CONSTRAINT capital_arrivals_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 挂图作战: the battle map's milestones.
CREATE TABLE milestones (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(200) NOT NULL,
  planned_date DATE NOT NULL,
  actual_date DATE NULL,
  responsible_unit_id VARCHAR(64) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  delete_time DATETIME(6) NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  KEY milestones_project (project_id, planned_date, id),
  KEY milestones_open (actual_date, planned_date),
  CONSTRAINT milestones_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 问题: what blocks a project.
CREATE TABLE project_problems (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  project_id BIGINT UNSIGNED NOT NULL,
  type TINYINT UNSIGNED NOT NULL,
  description TEXT NOT NULL,
  escalation_level TINYINT UNSIGNED NOT NULL,
  status TINYINT UNSIGNED NOT NULL,
  resolution TEXT NOT NULL,
  raised_by VARCHAR(64) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  KEY project_problems_project (project_id, id),
  CONSTRAINT project_problems_project_fk FOREIGN KEY (project_id) REFERENCES projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 责任状: a unit's targets for a year.
CREATE TABLE unit_targets (
  unit_id VARCHAR(64) NOT NULL,
  year SMALLINT UNSIGNED NOT NULL,
  signed_projects INT NOT NULL,
  signed_projects_1b INT NOT NULL,
  signed_projects_2b INT NOT NULL,
  signed_projects_5b INT NOT NULL,
  signed_investment_cny BIGINT NOT NULL,
  construction_starts INT NOT NULL,
  capital_arrived_cny BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (unit_id, year),
  CONSTRAINT unit_targets_unit_fk FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE leads
  ADD COLUMN converted_enterprise_id BIGINT UNSIGNED NULL,
  ADD COLUMN converted_project_id BIGINT UNSIGNED NULL;

GRANT SELECT, INSERT, UPDATE ON projects TO crm_app;
GRANT SELECT, INSERT ON project_stage_history TO crm_app;
GRANT SELECT, INSERT ON capital_arrivals TO crm_app;
GRANT SELECT, INSERT, UPDATE ON milestones TO crm_app;
GRANT SELECT, INSERT, UPDATE ON project_problems TO crm_app;
GRANT SELECT, INSERT, UPDATE ON unit_targets TO crm_app;

-- The last serial handed out per creation day, for project codes: one row lock per day
-- makes concurrent creations take consecutive serials.
CREATE TABLE project_code_counters (
  day DATE NOT NULL PRIMARY KEY,
  last_serial INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

GRANT SELECT, INSERT, UPDATE ON project_code_counters TO crm_app;
