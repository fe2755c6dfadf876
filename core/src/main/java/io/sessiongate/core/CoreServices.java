package io.sessiongate.core;

import io.sessiongate.core.account.AccountService;
import io.sessiongate.core.account.DirectoryService;
import io.sessiongate.core.admin.AccountAdministration;
import io.sessiongate.core.admin.DirectoryAdministration;
import io.sessiongate.core.admin.FolderListAdministration;
import io.sessiongate.core.admin.RoleAdministration;
import io.sessiongate.core.admin.AdminAccess;
import io.sessiongate.core.admin.ApiTokens;
import io.sessiongate.core.admin.AuditTrail;
import io.sessiongate.core.admin.IdempotencyKeys;
import io.sessiongate.core.admin.OperatorCredential;
import io.sessiongate.core.admin.SupportSessionAdministration;
import io.sessiongate.core.admin.WebSessionAdministration;
import io.sessiongate.core.account.PasswordHasher;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.event.EventRecorder;
import io.sessiongate.core.event.EventRepository;
import io.sessiongate.core.persistence.Database;
import io.sessiongate.core.report.ReportQueries;
import io.sessiongate.core.report.ReportRequestRepository;
import io.sessiongate.core.report.ReportService;
import io.sessiongate.core.report.ReportSettingsRepository;
import io.sessiongate.core.rescue.CustomerService;
import io.sessiongate.core.rescue.DirectoryReads;
import io.sessiongate.core.rescue.JoinableChannels;
import io.sessiongate.core.rescue.PinAttempts;
import io.sessiongate.core.rescue.SessionSweeper;
import io.sessiongate.core.rescue.PresenceRepository;
import io.sessiongate.core.rescue.LifecycleService;
import io.sessiongate.core.rescue.PinCodeService;
import io.sessiongate.core.rescue.PinRequestRepository;
import io.sessiongate.core.rescue.PresenceService;
import io.sessiongate.core.rescue.SessionQueryService;
import io.sessiongate.core.rescue.SupportSessionRepository;
import io.sessiongate.core.rescue.TransferRepository;
import io.sessiongate.core.rescue.TransferService;
import io.sessiongate.core.websession.ApiTokenRepository;
import io.sessiongate.core.websession.AuthCodeRepository;
import io.sessiongate.core.websession.CallerAuthenticator;
import io.sessiongate.core.websession.ForcedSignOut;
import io.sessiongate.core.websession.LoginService;
import io.sessiongate.core.websession.SessionUpdateService;
import io.sessiongate.core.websession.WebSessionRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Every service of the domain, built once over one database and one clock. The server's wiring
 * class takes what each resource needs from here; tests build the same graph.
 */
public final class CoreServices {

    private final Database database;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final EventRecorder events;
    private final AccountService accounts;
    private final CallerAuthenticator authenticator;
    private final LoginService logins;
    private final PresenceService presence;
    private final TransferService transfers;
    private final LifecycleService lifecycle;
    private final PinCodeService pinCodes;
    private final SessionQueryService sessionQueries;
    private final SessionUpdateService sessionUpdates;
    private final DirectoryService directory;
    private final ReportService reports;
    private final DemoData demoData;
    private final CustomerService customers;
    private final JoinableChannels joinableChannels;
    private final SessionSweeper sweeper;
    private final Administration administration;

    /** The services with the vendor's report repeat window (60 s). */
    public CoreServices(Database database, Clock clock, PasswordHasher passwords) {
        this(database, clock, passwords, ReportService.DEFAULT_REPEAT_WINDOW);
    }

    /** The services, with {@code reportRepeatWindow} between two servings of the same report to one user. */
    public CoreServices(Database database, Clock clock, PasswordHasher passwords, Duration reportRepeatWindow) {
        this.database = database;
        this.clock = clock;
        this.passwords = passwords;
        // The repositories hold no state: one of each, shared by every service that writes or reads its table.
        WebSessionRepository webSessions = new WebSessionRepository();
        AuthCodeRepository authCodes = new AuthCodeRepository();
        SupportSessionRepository supportSessions = new SupportSessionRepository();
        PresenceRepository presenceRows = new PresenceRepository();
        EventRepository eventRows = new EventRepository();
        this.events = new EventRecorder(clock, eventRows);
        this.accounts = new AccountService(database, passwords, clock, events);
        ApiTokenRepository apiTokens = new ApiTokenRepository();
        this.authenticator = new CallerAuthenticator(clock, events, webSessions, authCodes, apiTokens);
        this.logins = new LoginService(database, passwords, events, clock, webSessions, authCodes);
        this.presence = new PresenceService(database, authenticator, clock, presenceRows);
        this.transfers = new TransferService(database, authenticator, events, clock, supportSessions,
                new TransferRepository());
        this.lifecycle = new LifecycleService(database, authenticator, events, clock, supportSessions);
        this.pinCodes = new PinCodeService(database, authenticator, events, clock, supportSessions,
                new PinRequestRepository(), new SecureRandom());
        DirectoryReads directoryReads = new DirectoryReads();
        this.customers = new CustomerService(database, events, clock, supportSessions, directoryReads,
                new PinAttempts());
        this.joinableChannels = new JoinableChannels(database);
        this.sweeper = new SessionSweeper(database, events, clock, supportSessions);
        this.sessionQueries = new SessionQueryService(database, authenticator, clock, supportSessions, presenceRows,
                directoryReads);
        this.sessionUpdates = new SessionUpdateService(database, authenticator, events, clock, webSessions);
        this.directory = new DirectoryService(database, authenticator, passwords, clock, events,
                new ForcedSignOut(webSessions, authCodes, events));
        this.reports = new ReportService(database, authenticator, events, clock, directoryReads,
                new ReportSettingsRepository(), new ReportRequestRepository(), new ReportQueries(), reportRepeatWindow);
        this.demoData = new DemoData(database, passwords, clock, accounts, supportSessions);
        AdminAccess access = new AdminAccess(database, authenticator);
        ApiTokens tokens = new ApiTokens(database, clock, events, access, apiTokens);
        SupportSessionAdministration supportSessionAdministration = new SupportSessionAdministration(database, clock,
                events, access, supportSessions, pinCodes, transfers, lifecycle);
        this.administration = new Administration(access, new OperatorCredential(database, clock),
                new AccountAdministration(database, passwords, events, accounts, access, tokens), tokens,
                new WebSessionAdministration(database, clock, access, sessionUpdates),
                new AuditTrail(access, supportSessionAdministration, eventRows), supportSessionAdministration,
                new IdempotencyKeys(database, clock), new DirectoryAdministration(access, directory),
                new RoleAdministration(events, access), new FolderListAdministration(events, access));
    }

    /** The administration API's services (core.admin), over the services above. */
    public record Administration(AdminAccess access, OperatorCredential operator, AccountAdministration accounts,
                                 ApiTokens apiTokens, WebSessionAdministration webSessions, AuditTrail events,
                                 SupportSessionAdministration supportSessions, IdempotencyKeys idempotencyKeys,
                                 DirectoryAdministration directory, RoleAdministration roles,
                                 FolderListAdministration folderLists) {
    }

    public Administration administration() {
        return administration;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public PasswordHasher passwords() {
        return passwords;
    }

    public EventRecorder events() {
        return events;
    }

    public AccountService accounts() {
        return accounts;
    }

    public CallerAuthenticator authenticator() {
        return authenticator;
    }

    public LoginService logins() {
        return logins;
    }

    public PresenceService presence() {
        return presence;
    }

    public PinCodeService pinCodes() {
        return pinCodes;
    }

    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public TransferService transfers() {
        return transfers;
    }

    public SessionQueryService sessionQueries() {
        return sessionQueries;
    }

    public SessionUpdateService sessionUpdates() {
        return sessionUpdates;
    }

    /** The administration of the directory: the Rescue administration methods and the JSON API use it. */
    public DirectoryService directory() {
        return directory;
    }

    /** The Rescue API's reports: their settings, the poll limit, the streamed rows. */
    public ReportService reports() {
        return reports;
    }

    public DemoData demoData() {
        return demoData;
    }

    /** The customer's side of a support session: join, look, leave. */
    public CustomerService customers() {
        return customers;
    }

    /** The channels a customer may enter, listed by site key for the customer join page. */
    public JoinableChannels joinableChannels() {
        return joinableChannels;
    }

    /** The time-outs of support sessions, applied by every server process. */
    public SessionSweeper sweeper() {
        return sweeper;
    }
}
