-- Generates the dashboard benchmark's dataset: :users people with :tasks_per_user top-level tasks each. For every
-- person: 4 tasks due today (2 timed, 2 all-day), 4 overdue, 2 done, the rest due later or undated; each of today's
-- and the overdue tasks has 2 subtasks and a reminder. The person registered by the benchmark keeps their account and
-- gets the same mix.
\set ON_ERROR_STOP on
INSERT INTO users (id, email, password_hash, display_name, time_zone)
SELECT gen_random_uuid(), 'bench-' || g || '@example.com', 'not-a-login', 'Bench ' || g, 'Europe/Paris'
FROM generate_series(2, :users) g;

CREATE TEMP TABLE generated AS
SELECT u.id AS user_id, gen_random_uuid() AS id, n,
       CASE WHEN n <= 2 THEN NULL WHEN n <= 4 THEN current_date WHEN n <= 8 THEN current_date - (n - 4)
            WHEN n <= 10 THEN current_date - 1 WHEN n % 3 = 0 THEN NULL ELSE current_date + (n % 60) + 1 END AS due_date,
       CASE WHEN n <= 2 THEN date_trunc('day', now()) + interval '18 hours' + n * interval '1 hour' END AS due_at,
       CASE WHEN n IN (9, 10) THEN 'DONE' ELSE 'OPEN' END AS status
FROM users u CROSS JOIN generate_series(1, :tasks_per_user) n;

INSERT INTO tasks (id, user_id, title, due_date, due_at, status, tags, priority)
SELECT id, user_id, 'Task ' || n, due_date, due_at, status, ARRAY['bench', 'tag' || (n % 5)],
       (ARRAY['URGENT', 'HIGH', 'MEDIUM', 'LOW'])[1 + n % 4]
FROM generated;

INSERT INTO tasks (id, user_id, parent_id, position, title, due_date, status)
SELECT gen_random_uuid(), user_id, id, s, 'Step ' || s || ' of task ' || n, due_date, 'OPEN'
FROM generated CROSS JOIN generate_series(0, 1) s
WHERE n <= 8;

INSERT INTO task_reminders (id, task_id, user_id, offset_minutes, channels)
SELECT gen_random_uuid(), id, user_id, 30, '{IN_APP}' FROM generated WHERE n <= 8;

ANALYZE;
