/// Why a PostgreSQL journal could not be reached: a malformed URL, a refused or failed connection,
/// TLS. Each names the cause and what to check, in our own words (never the libraries' texts).
public enum PostgresConnectMessages: String, MessageGroup {
    case badURL, urlScheme, urlTwoAts, urlNotURL, urlParameterNoEquals, urlNoHost, urlPortNotNumber, urlPortRange, urlDatabaseSlash,
         urlSSLMode, urlConnectTimeout, urlOptionsNoSetting, urlOptionsOnlyC, urlOptionNotNameValue,
         rootCertUnreadable, rootCertNotPEM, tlsSetUp, connectTimedOut, refusedUser, noDatabase, mayNotConnect, tooManyConnections,
         startingUp, badOption, refusedConnection, noTLS, needsPassword, loginMethod, passwordFailed, connectionRefused, noAnswer,
         unknownHost, noRoute, noSocket, tlsHandshake, closedWhileSettingUp, unexpectedConnect,
         certificateName, certificateNameByAddress, certificateNameByName, certificateNotSigned, certificateExpired,
         rootCertificateCA, systemCAs, prepareFailed

    public var texts: MessageTexts {
        switch self {
        case .badURL: .init(id: "URL PostgreSQL '{url}' tidak sah: {why}; tulis postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, boleh dengan ?sslmode=require",
                            en: "the PostgreSQL URL '{url}' is not valid: {why}; write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, optionally with ?sslmode=require")
        case .urlScheme: .init(id: "tidak diawali postgres:// atau postgresql:// (dua garis miring)", en: "it does not start with postgres:// or postgresql:// (two slashes)")
        case .urlTwoAts: .init(id: "memuat lebih dari satu '@' atau sebuah '#' (tulis '@' dan '#' dalam kata sandi sebagai %40 dan %23)",
                               en: "it holds more than one '@' or a '#' (write '@' and '#' in a password as %40 and %23)")
        case .urlNotURL: .init(id: "bukan URL (ada spasi atau karakter nyasar?)", en: "it is not a URL (a space or a stray character?)")
        case .urlParameterNoEquals: .init(id: "sebuah parameter setelah '?' tidak memiliki '=' (tulis '&' dalam kata sandi sebagai %26)",
                                          en: "a parameter after '?' has no '=' (write '&' in a password as %26)")
        case .urlNoHost: .init(id: "tidak menyebut host", en: "it names no host")
        case .urlPortNotNumber: .init(id: "port '{port}' bukan angka dari 1 sampai 65535", en: "the port '{port}' is not a number from 1 to 65535")
        case .urlPortRange: .init(id: "port {port} tidak di antara 1 dan 65535", en: "the port {port} is not from 1 to 65535")
        case .urlDatabaseSlash: .init(id: "nama basis data memuat '/' (tulis '/' dan '@' dalam kata sandi sebagai %2F dan %40)",
                                      en: "the database name contains '/' (write '/' and '@' in a password as %2F and %40)")
        case .urlSSLMode: .init(id: "sslmode '{mode}' tidak dikenal (pakai salah satu dari {modes})", en: "sslmode '{mode}' is unknown (use one of {modes})")
        case .urlConnectTimeout: .init(id: "connect_timeout '{value}' bukan jumlah detik yang positif", en: "connect_timeout '{value}' is not a positive number of seconds")
        case .urlOptionsNoSetting: .init(id: "options berakhir dengan -c tanpa pengaturan", en: "options ends with -c and no setting")
        case .urlOptionsOnlyC: .init(id: "options hanya boleh memuat pengaturan '-c nama=nilai', bukan '{word}'", en: "options may only hold '-c name=value' settings, not '{word}'")
        case .urlOptionNotNameValue: .init(id: "opsi '{setting}' tidak berbentuk nama=nilai", en: "the option '{setting}' is not name=value")
        case .rootCertUnreadable: .init(id: "sslrootcert '{file}' dari {url} tidak dapat dibaca; berikan sertifikat CA (PEM) yang menandatangani sertifikat server",
                                        en: "sslrootcert '{file}' of {url} cannot be read; give the CA certificate (PEM) that signed the server's certificate")
        case .rootCertNotPEM: .init(id: "Berkas sslrootcert '{file}' dari {url} bukan sertifikat PEM yang dapat dibaca; berikan sertifikat CA (PEM) yang menandatangani sertifikat server",
                                    en: "the sslrootcert file '{file}' of {url} is not a readable PEM certificate; give the CA certificate (PEM) that signed the server's certificate")
        case .tlsSetUp: .init(id: "TLS untuk {url} tidak dapat disiapkan (kegagalan tak terduga berjenis {kind}); periksa sslmode dan sslrootcert",
                              en: "cannot set up TLS for {url} (an unexpected failure of kind {kind}); check sslmode and sslrootcert")
        case .connectTimedOut: .init(id: "Server PostgreSQL di {server} tidak menjawab dalam {seconds} detik: periksa bahwa server berjalan dan dapat dicapai, atau naikkan connect_timeout di URL",
                                     en: "the PostgreSQL server at {server} did not answer within {seconds} s: check that it is running and reachable, or raise connect_timeout in the URL")
        case .refusedUser: .init(id: "Server PostgreSQL di {server} menolak pengguna '{user}' ({reply}); periksa pengguna dan kata sandi di URL (atau $PGPASSWORD) serta pg_hba.conf server",
                                 en: "the PostgreSQL server at {server} refused user '{user}' ({reply}); check the user and password in the URL (or $PGPASSWORD) and the server's pg_hba.conf")
        case .noDatabase: .init(id: "Server PostgreSQL di {server} tidak memiliki basis data '{database}': buatlah (createdb {database}) atau perbaiki nama basis data di URL",
                                en: "the PostgreSQL server at {server} has no database '{database}': create it (createdb {database}) or fix the database name in the URL")
        case .mayNotConnect: .init(id: "Peran PostgreSQL '{user}' tidak boleh terhubung ke basis data '{database}' di {server} ({reply}); mintalah hak CONNECT kepada administrator basis data",
                                   en: "the PostgreSQL role '{user}' may not connect to the database '{database}' on {server} ({reply}); ask the database administrator for CONNECT on it")
        case .tooManyConnections: .init(id: "Server PostgreSQL di {server} kebanyakan koneksi; ulangi nanti atau naikkan max_connections",
                                        en: "the PostgreSQL server at {server} has too many connections; retry later or raise max_connections")
        case .startingUp: .init(id: "Server PostgreSQL di {server} sedang menyala atau dimatikan; ulangi sebentar lagi", en: "the PostgreSQL server at {server} is starting up or shutting down; retry in a moment")
        case .badOption: .init(id: "Server PostgreSQL di {server} menolak sebuah pengaturan dari options di URL ({reply}); perbaiki options=-c ... di URL",
                               en: "the PostgreSQL server at {server} refused a setting from the URL's options ({reply}); fix options=-c ... in the URL")
        case .refusedConnection: .init(id: "Server PostgreSQL di {server} menolak koneksi ({reply}); periksa URL dan pg_hba.conf server",
                                       en: "the PostgreSQL server at {server} refused the connection ({reply}); check the URL and the server's pg_hba.conf")
        case .noTLS: .init(id: "Server PostgreSQL di {server} tidak menawarkan TLS, tetapi URL memintanya (sslmode={mode}): nyalakan ssl di server, atau pakai sslmode=disable di jaringan tepercaya",
                           en: "the PostgreSQL server at {server} does not offer TLS, but the URL asks for it (sslmode={mode}): turn on ssl on the server, or use sslmode=disable on a trusted network")
        case .needsPassword: .init(id: "Server PostgreSQL di {server} meminta kata sandi untuk pengguna '{user}': tulis di URL (postgres://USER:PASSWORD@...) atau di $PGPASSWORD",
                                   en: "the PostgreSQL server at {server} asks user '{user}' for a password: put it in the URL (postgres://USER:PASSWORD@...) or in $PGPASSWORD")
        case .loginMethod: .init(id: "Server PostgreSQL di {server} meminta cara masuk yang tidak didukung sop (pakai scram-sha-256, md5 atau trust di pg_hba.conf)",
                                 en: "the PostgreSQL server at {server} asks for a login method sop does not support (use scram-sha-256, md5 or trust in pg_hba.conf)")
        case .passwordFailed: .init(id: "Server PostgreSQL di {server} menolak pengguna '{user}' (pemeriksaan kata sandi gagal): periksa kata sandi di URL atau $PGPASSWORD",
                                    en: "the PostgreSQL server at {server} refused user '{user}' (password check failed): check the password in the URL or $PGPASSWORD")
        case .connectionRefused: .init(id: "Tidak dapat terhubung ke server PostgreSQL di {server}: koneksi ditolak; periksa bahwa server berjalan dan mendengarkan di host dan port itu (listen_addresses dan port di postgresql.conf)",
                                       en: "cannot connect to the PostgreSQL server at {server}: connection refused; check that the server is running and listens on that host and port (listen_addresses and port in postgresql.conf)")
        case .noAnswer: .init(id: "Tidak dapat terhubung ke server PostgreSQL di {server}: tidak ada jawaban dalam {seconds} detik; periksa host dan port, dan bahwa tidak ada firewall yang menghalangi",
                              en: "cannot connect to the PostgreSQL server at {server}: no answer within {seconds} s; check the host and port, and that no firewall is in the way")
        case .unknownHost: .init(id: "Tidak dapat terhubung ke server PostgreSQL di {server}: nama host '{host}' tidak dikenal; periksa host di URL",
                                 en: "cannot connect to the PostgreSQL server at {server}: the host name '{host}' is not known; check the host in the URL")
        case .noRoute: .init(id: "Tidak dapat terhubung ke server PostgreSQL di {server}: tidak ada rute ke sana; periksa host di URL dan jaringannya",
                             en: "cannot connect to the PostgreSQL server at {server}: no route to it; check the host in the URL and the network")
        case .noSocket: .init(id: "Tidak dapat terhubung ke server PostgreSQL di {server}: tidak ada soket di sana; periksa folder host= dan port, dan bahwa server berjalan",
                              en: "cannot connect to the PostgreSQL server at {server}: no socket there; check the host= folder and the port, and that the server is running")
        case .tlsHandshake: .init(id: "Jabat tangan TLS dengan server PostgreSQL di {server} gagal (sslmode={mode}); periksa sslmode dan sslrootcert, serta pengaturan ssl server",
                                  en: "the TLS handshake with the PostgreSQL server at {server} failed (sslmode={mode}); check sslmode and sslrootcert, and the server's ssl settings")
        case .closedWhileSettingUp: .init(id: "Server PostgreSQL di {server} menutup koneksi saat koneksi sedang disiapkan (server yang sedang dinyalakan ulang, penolakan TLS atau pg_hba.conf, atau program lain yang mendengarkan di sana); ulangi sebentar lagi, dan periksa sslmode serta port",
                                          en: "the PostgreSQL server at {server} closed the connection while it was being set up (a server restarting, a TLS or pg_hba.conf refusal, or something else listening there); retry in a moment, and check sslmode and the port")
        case .unexpectedConnect: .init(id: "Tidak dapat terhubung ke server PostgreSQL di {server} (kegagalan tak terduga berjenis {kind}); periksa host, port, dan bahwa server berjalan",
                                       en: "cannot connect to the PostgreSQL server at {server} (an unexpected failure of kind {kind}); check the host, the port and that the server is running")
        case .certificateName: .init(id: "Sertifikat TLS server PostgreSQL di {server} tidak menyebut '{host}' (sslmode={mode} memeriksa namanya); {advice}",
                                     en: "the TLS certificate of the PostgreSQL server at {server} does not name '{host}' (sslmode={mode} checks the name); {advice}")
        case .certificateNameByAddress: .init(id: "sebut server dengan nama host di sertifikatnya, bukan dengan alamatnya", en: "name the server by the host name in its certificate, not by its address")
        case .certificateNameByName: .init(id: "hubungkan dengan nama yang tertulis di sertifikatnya", en: "connect by the name in its certificate")
        case .certificateNotSigned: .init(id: "Sertifikat TLS server PostgreSQL di {server} tidak ditandatangani oleh {root}; periksa sslrootcert, atau pakai sslmode=require untuk mengenkripsi tanpa memeriksa",
                                          en: "the TLS certificate of the PostgreSQL server at {server} is not signed by {root}; check sslrootcert, or use sslmode=require to encrypt without checking")
        case .certificateExpired: .init(id: "Sertifikat TLS server PostgreSQL di {server} sudah kedaluwarsa atau belum berlaku; administrator server yang memperbaruinya",
                                        en: "the TLS certificate of the PostgreSQL server at {server} has expired or is not yet valid; the server's administrator renews it")
        case .rootCertificateCA: .init(id: "CA di sslrootcert '{file}'", en: "the CA in sslrootcert '{file}'")
        case .systemCAs: .init(id: "CA tepercaya sistem (berikan sslrootcert=BERKAS untuk CA privat)", en: "the system's trusted CAs (give sslrootcert=FILE for a private CA)")
        case .prepareFailed: .init(id: "Jurnal di {url} tidak dapat disiapkan: {why}", en: "cannot prepare the journal in {url}: {why}")
        }
    }
}
