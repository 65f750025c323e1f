package app.tdah.accounts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import app.tdah.errors.UserError;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * What a new password must be: 8 to 128 characters (counted as code points, so emoji count once) and not one of the
 * common passwords in the list that the nbvcxz library ships.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    /** Loaded in the background: the list is large and only sign-up and password changes need it. */
    private final CompletableFuture<Map<String, Integer>> commonPasswords;

    public PasswordPolicy() {
        this.commonPasswords = CompletableFuture.supplyAsync(PasswordPolicy::loadCommonPasswords,
                Executors.newVirtualThreadPerTaskExecutor());
    }

    private static Map<String, Integer> loadCommonPasswords() {
        Map<String, Integer> list = DictionaryUtil.loadUnrankedDictionary(DictionaryUtil.passwords);
        if (list.isEmpty()) {
            throw new IllegalStateException("nbvcxz no longer ships its 'passwords' dictionary");
        }
        return list;
    }

    public Optional<UserError> check(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(new UserError("password", "Use at least " + MIN_LENGTH + " characters.", UserError.Code.TOO_SHORT));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new UserError("password", "Use at most " + MAX_LENGTH + " characters.", UserError.Code.TOO_LONG));
        }
        if (commonPasswords.join().containsKey(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(new UserError("password",
                    "This password is too common and easy to guess. Try a few unrelated words together.", UserError.Code.TOO_COMMON));
        }
        return Optional.empty();
    }
}
