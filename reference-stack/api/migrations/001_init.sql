-- Reference API schema. Applied once at start (schema_migrations records it).
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE districts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schools (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id     uuid NOT NULL REFERENCES districts(id),
  name            text NOT NULL,
  dpa_signed_at   date,
  data_residency  text NOT NULL DEFAULT 'us',
  -- days a student's records are kept after the student withdraws
  retention_days  integer NOT NULL DEFAULT 365 CHECK (retention_days >= 0),
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email        text NOT NULL UNIQUE,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('teacher', 'school_admin', 'district_admin', 'system_admin')),
  school_id    uuid REFERENCES schools(id),
  district_id  uuid REFERENCES districts(id),
  is_service   boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('teacher', 'school_admin') AND school_id IS NOT NULL)
      OR (role = 'district_admin' AND district_id IS NOT NULL)
      OR role = 'system_admin')
);

-- Service credentials: only the SHA-256 of the key is stored.
CREATE TABLE api_keys (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id),
  key_sha256  text NOT NULL UNIQUE CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
  label       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- Student education records (every table below holding student data is listed in STUDENT_TABLES).
CREATE TABLE students (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id      uuid NOT NULL REFERENCES schools(id),
  student_number text NOT NULL,
  given_name     text NOT NULL,
  family_name    text NOT NULL,
  birth_date     date,
  grade_level    integer CHECK (grade_level BETWEEN -1 AND 12),
  enrolled_at    date NOT NULL DEFAULT CURRENT_DATE,
  withdrawn_at   date,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, student_number)
);
CREATE INDEX students_school ON students(school_id);

CREATE TABLE assessments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id   uuid NOT NULL REFERENCES students(id),
  school_id    uuid NOT NULL REFERENCES schools(id),
  subject      text NOT NULL,
  score        numeric(5,2) NOT NULL,
  assessed_on  date NOT NULL,
  recorded_by  uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_student ON assessments(student_id);

-- 34 CFR 99.32 record of disclosures.
CREATE TABLE disclosures (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id          uuid NOT NULL REFERENCES students(id),
  school_id           uuid NOT NULL REFERENCES schools(id),
  recipient           text NOT NULL,
  recipient_org       text,
  legitimate_interest text NOT NULL,
  records_disclosed   text NOT NULL,
  disclosed_at        timestamptz NOT NULL DEFAULT now(),
  recorded_by         uuid REFERENCES users(id)
);
CREATE INDEX disclosures_student ON disclosures(student_id);

CREATE TABLE corpus (
  id     serial PRIMARY KEY,
  title  text NOT NULL,
  body   text NOT NULL
);

-- Answer cache keyed by SHA-256 of the query text and settings (the text itself is not kept).
CREATE TABLE query_cache (
  query_sha256  text PRIMARY KEY,
  answer        text NOT NULL,
  sources       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queries (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid REFERENCES users(id),
  school_id     uuid REFERENCES schools(id),
  query_sha256  text NOT NULL,
  cached        boolean NOT NULL,
  cost_units    integer NOT NULL,
  latency_ms    integer NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Application audit trail: ids, hashes and counts only, never student data.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id        uuid,
  role           text,
  school_id      uuid,
  district_id    uuid,
  event_type     text NOT NULL,
  action         text NOT NULL,
  resource_type  text,
  resource_id    text,
  purpose        text,
  outcome        text NOT NULL CHECK (outcome IN ('success', 'denied', 'rejected', 'not-found', 'error')),
  ip             text,
  request_id     text,
  details        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_school ON audit_log(school_id, id);
CREATE INDEX audit_log_request ON audit_log(request_id);

CREATE TABLE deletion_certificates (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_id   uuid,
  requested_by  text NOT NULL,  -- user id, or system:retention-job
  reason        text NOT NULL,
  scope         jsonb NOT NULL,
  counts        jsonb NOT NULL,
  ids_sha256    text NOT NULL,
  deleted_at    timestamptz NOT NULL
);

INSERT INTO corpus (title, body) VALUES
  ('FERPA basics', 'FERPA gives parents the right to inspect and review their child''s education records and to request corrections.'),
  ('Directory information', 'Schools may disclose directory information such as name and grade level if parents were notified and may opt out.'),
  ('School officials', 'School officials with a legitimate educational interest may access education records without consent.'),
  ('Record of disclosures', 'Schools must keep a record of each request for access to and each disclosure of personally identifiable information.'),
  ('Data retention', 'Student data must be deleted when no longer needed for the purpose for which it was obtained.');
