package app.tdah.myaccount;

import app.tdah.accounts.AccountsFeature;
import app.tdah.admin.AdminFeature;
import app.tdah.tasks.TasksFeature;
import app.tdah.wiring.Feature;
import app.tdah.wiring.Foundation;

/** A person's own account: profile and preferences, their data as one download, and deleting the account. */
public final class MyAccountFeature {

    private MyAccountFeature() {
    }

    public static Feature create(Foundation foundation, AccountsFeature accounts, AdminFeature admin, TasksFeature tasks) {
        MyAccountService myAccount = new MyAccountService(new MyAccountRepository(foundation.db()), accounts.records(), accounts.accounts(),
                admin.people(), tasks.commands(), new DataExport(foundation.db()), foundation.audit(), foundation.clock());
        return Feature.builder()
                .graphQl(new MyAccountGraphQl(myAccount, accounts.accounts(), accounts.secureCookie()))
                .route(AccountExportHttpService.ROOT, new AccountExportHttpService(myAccount, accounts.accessTokens(),
                        accounts.accounts()::liveRole, foundation.clock()))
                .build();
    }
}
