package dev.refinery.identity;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an entry of the audit log records; its {@code code} is what the database, the filter and the API carry. */
public enum AuditKind {
    SIGN_IN_SUCCEEDED("sign-in-succeeded", "Signed in"),
    SIGN_IN_FAILED("sign-in-failed", "Sign-in failed"),
    SIGN_IN_LOCKED("sign-in-locked", "Sign-in refused: locked"),
    ACCOUNT_OPENED("account-opened", "Account opened"),
    ACCOUNT_DEACTIVATED("account-deactivated", "Account deactivated"),
    ACCOUNT_REACTIVATED("account-reactivated", "Account reactivated"),
    PASSWORD_SET("password-set", "Password set by an administrator"),
    MEMBER_ADDED("member-added", "Member added"),
    MEMBER_REMOVED("member-removed", "Member removed"),
    ROLE_CHANGED("role-changed", "Role changed"),
    TOKEN_CREATED("token-created", "API token created"),
    TOKEN_REVOKED("token-revoked", "API token revoked"),
    BACKUP_DOWNLOADED("backup-downloaded", "Backup downloaded"),
    BACKUP_RESTORED("backup-restored", "Backup restored"),
    GUEST_LINK_CREATED("guest-link-created", "Guest link created"),
    GUEST_LINK_REVOKED("guest-link-revoked", "Guest link revoked");

    private final String code;
    private final String label;

    AuditKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<AuditKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
