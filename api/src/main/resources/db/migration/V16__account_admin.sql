-- My account and account administration.

-- The language the person reads the product in: a BCP-47 tag from the supported list (see app.tdah.myaccount.Locales).
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (length(locale) BETWEEN 2 AND 35);

-- The admin list of people: newest accounts first, paged by (created_at, id).
CREATE INDEX users_by_created ON users (created_at DESC, id DESC);
-- How many active admins remain, checked before any change that could leave none.
CREATE INDEX users_active_admins ON users (id) WHERE role = 'admin' AND deactivated_at IS NULL;
