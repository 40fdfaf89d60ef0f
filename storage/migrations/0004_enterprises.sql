-- The enterprises service: the cultivation pool, yearly figures, titles, service secretaries
-- and service checklists.

CREATE TABLE enterprises (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  uscc VARCHAR(18) NOT NULL,
  company_name VARCHAR(200) NOT NULL,
  former_names_json LONGTEXT NOT NULL CHECK (JSON_VALID(former_names_json)),
  founded_date DATE NOT NULL,
  registered_capital_cny BIGINT NOT NULL DEFAULT 0 CHECK (registered_capital_cny >= 0),
  legal_representative VARCHAR(100) NOT NULL DEFAULT '',
  address VARCHAR(300) NOT NULL DEFAULT '',
  in_zone BOOLEAN NOT NULL,
  industry TINYINT UNSIGNED NOT NULL,
  industry_division CHAR(2) NOT NULL DEFAULT '',
  listed BOOLEAN NOT NULL,
  tags_json LONGTEXT NOT NULL CHECK (JSON_VALID(tags_json)),
  service_secretary_id VARCHAR(64) NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  delete_time DATETIME(6) NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  -- A USCC is unique among enterprises that are not deleted (as for leads).
  active_uscc VARCHAR(18) AS (IF(delete_time IS NULL, uscc, NULL)) PERSISTENT,
  UNIQUE KEY enterprises_active_uscc (active_uscc),
  KEY enterprises_uscc (uscc),
  KEY enterprises_secretary (service_secretary_id, id),
  KEY enterprises_industry (industry, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per enterprise and year; a figure not reported is NULL. Growth is derived on read.
CREATE TABLE enterprise_metrics (
  enterprise_id BIGINT UNSIGNED NOT NULL,
  year SMALLINT UNSIGNED NOT NULL,
  revenue_cny BIGINT NULL,
  profit_cny BIGINT NULL,
  rd_expense_cny BIGINT NULL,
  employees INT NULL,
  rd_staff INT NULL,
  valuation_cny BIGINT NULL,
  cumulative_financing_cny BIGINT NULL,
  tax_paid_cny BIGINT NULL,
  patents INT NULL,
  update_time DATETIME(6) NOT NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (enterprise_id, year),
  CONSTRAINT enterprise_metrics_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Titles held (瞪羚, 独角兽, 专精特新…), each a certification with level, issuer and batch.
CREATE TABLE certifications (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  title TINYINT UNSIGNED NOT NULL,
  level TINYINT UNSIGNED NOT NULL,
  issuer VARCHAR(200) NOT NULL DEFAULT '',
  batch_year SMALLINT UNSIGNED NOT NULL,
  valid_until DATE NULL,
  evidence_note VARCHAR(1000) NOT NULL DEFAULT '',
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  delete_time DATETIME(6) NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  KEY certifications_enterprise (enterprise_id, id),
  KEY certifications_title (title, level, enterprise_id),
  CONSTRAINT certifications_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of an enterprise's service secretary; append-only.
CREATE TABLE secretary_assignments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  secretary_id VARCHAR(64) NULL,
  previous_secretary_id VARCHAR(64) NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  assigned_by VARCHAR(64) NOT NULL,
  assign_time DATETIME(6) NOT NULL,
  KEY secretary_assignments_enterprise (enterprise_id, id),
  CONSTRAINT secretary_assignments_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The service checklist (服务清单): an enterprise's requests with their due dates.
CREATE TABLE service_requests (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  category TINYINT UNSIGNED NOT NULL,
  description TEXT NOT NULL,
  raised_date DATE NOT NULL,
  priority TINYINT UNSIGNED NOT NULL,
  first_responder_unit_id VARCHAR(64) NOT NULL,
  handling_unit_id VARCHAR(64) NOT NULL,
  due_date DATE NOT NULL,
  status TINYINT UNSIGNED NOT NULL,
  resolution TEXT NOT NULL,
  satisfaction TINYINT UNSIGNED NULL CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  reopen_reason VARCHAR(500) NOT NULL DEFAULT '',
  creator_id VARCHAR(64) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  resolve_time DATETIME(6) NULL,
  close_time DATETIME(6) NULL,
  version BIGINT UNSIGNED NOT NULL DEFAULT 1,
  KEY service_requests_due (due_date, id),
  KEY service_requests_enterprise (enterprise_id, due_date, id),
  KEY service_requests_handling (handling_unit_id, due_date, id),
  KEY service_requests_first (first_responder_unit_id, due_date, id),
  KEY service_requests_status (status, due_date, id),
  CONSTRAINT service_requests_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

GRANT SELECT, INSERT, UPDATE ON enterprises TO crm_app;
GRANT SELECT, INSERT, UPDATE ON enterprise_metrics TO crm_app;
GRANT SELECT, INSERT, UPDATE ON certifications TO crm_app;
GRANT SELECT, INSERT ON secretary_assignments TO crm_app;
GRANT SELECT, INSERT, UPDATE ON service_requests TO crm_app;
