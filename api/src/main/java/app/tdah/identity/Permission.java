package app.tdah.identity;

/** What a role allows. Mirrors the GraphQL enum Permission, which the {@code @auth} directive names. */
public enum Permission {
    /** Read and change one's own tasks, settings and data. */
    OWN_DATA,
    /** Use the LLM-backed assistant features, where the operator configured an LLM. */
    ASSISTANT_LLM,
    /** Search people, change their role, deactivate and reactivate accounts. */
    MANAGE_USERS,
    /** Read the audit log. */
    READ_AUDIT_LOG,
    /** See background jobs and delivery analytics. */
    OPERATE
}
