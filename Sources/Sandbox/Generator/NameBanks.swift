import Foundation

/// Banks of names, places and companies the generator draws from. Commoner entries come first (the generator
/// skews towards the start). Non-ASCII names carry an ASCII form after a `|` for their email addresses; a test
/// checks that those ASCII forms are unique within each bank, which keeps generated emails unique.
enum NameBanks {
    /// A display name plus the lowercase ASCII spelling used inside email addresses.
    struct Name: Sendable {
        let display: String
        let ascii: [UInt8]
    }

    static let firstNames: [Name] = parse("""
    James,Mary,John,Patricia,Robert,Jennifer,Michael,Linda,William,Elizabeth,David,Barbara,Richard,Susan,Joseph,\
    Jessica,Thomas,Sarah,Charles,Karen,Christopher,Nancy,Daniel,Lisa,Matthew,Betty,Anthony,Margaret,Mark,Sandra,\
    Donald,Ashley,Steven,Kimberly,Paul,Emily,Andrew,Donna,Joshua,Michelle,Kenneth,Dorothy,Kevin,Carol,Brian,Amanda,\
    George,Melissa,Edward,Deborah,Ronald,Stephanie,Timothy,Rebecca,Jason,Sharon,Jeffrey,Laura,Ryan,Cynthia,Jacob,\
    Kathleen,Gary,Amy,Nicholas,Shirley,Eric,Angela,Jonathan,Helen,Stephen,Anna,Larry,Brenda,Justin,Pamela,Scott,\
    Nicole,Brandon,Samantha,Benjamin,Katherine,Samuel,Emma,Gregory,Ruth,Frank,Christine,Alexander,Catherine,Raymond,\
    Debra,Patrick,Rachel,Jack,Carolyn,Dennis,Janet,Jerry,Virginia,Tyler,Maria,Aaron,Heather,José|jose,Adam,Diane,\
    Henry,Julie,Nathan,Joyce,Douglas,Victoria,Zachary,Olivia,Peter,Kelly,Kyle,Christina,Walter,Lauren,Ethan,Joan,\
    Jeremy,Evelyn,Harold,Judith,Keith,Megan,Christian,Cheryl,Roger,Andrea,Noah,Hannah,Gerald,Martha,Carl,\
    Jacqueline,Terry,Frances,Sean,Gloria,Austin,Ann,Arthur,Teresa,Lawrence,Kathryn,Jesse,Sara,Dylan,Janice,Bryan,\
    Jean,Joe,Alice,Jordan,Madison,Billy,Doris,Bruce,Abigail,Albert,Julia,Willie,Judy,Gabriel,Grace,Logan,Denise,\
    Alan,Amber,Juan,Marilyn,Wayne,Beverly,Roy,Danielle,Ralph,Theresa,Randy,Sophia,Eugene,Marie,Vincent,Diana,\
    Russell,Brittany,Elijah,Natalie,Louis,Isabella,Bobby,Charlotte,Philip,Rose,Johnny,Alexis,Kayla,Zoë|zoe,\
    Łukasz|lukasz,François|francois,Søren|soren,Björn|bjorn,Chloé|chloe,Renée|renee,Anaïs|anais,Jürgen|jurgen,\
    Małgorzata|malgorzata,Agnieszka,Zsófia|zsofia,Núria|nuria,João|joao,Inês|ines,Mateo,Lucía|lucia,Sofía|sofia,\
    Álvaro|alvaro,Andrés|andres,Hiroshi,Yuki,Haruto,Sakura,Wei,明|ming,静|jing,Priya,Arjun,Ananya,Rahul,Aarav,\
    Fatima,Omar,Aisha,Youssef,Leila,Mehmet,Ayşe|ayse,Olga,Dmitri,Natalia,Ivan,Katarzyna,Mikael,Ingrid,Astrid,Lars,\
    Sven,Freya,Niamh,Siobhán|siobhan,Oisín|oisin,Aoife,Kwame,Ama,Chidi,Ngozi,Thandiwe,Tariq,Noor,Minh,Linh,\
    Thảo|thao,Giulia,Luca,Matteo,Chiara,Francesca,Alessandro,Élodie|elodie,Hélène|helene,Noémie|noemie,\
    Maëlle|maelle,Jörg|jorg,Günther|gunther,Stéphane|stephane,Jiří|jiri,Dušan|dusan,Ana,Luka,Nikola,Mia,Leon,Finn,\
    Ida,Emil,Elif,Deniz,Mohammed,Hana,Yusuf,Santiago,Valentina,Camila,Diego,Gabriela,Rafael,Beatriz,Tomás|tomas,\
    Ximena,Kenji,Aiko,Min-jun|minjun,Seo-yeon|seoyeon,Ji-woo|jiwoo,Ravi,Deepa,Sanjay,Meera,Kofi,Adaeze,Emeka,Zanele
    """)

    static let lastNames: [Name] = parse("""
    Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Wilson,\
    Anderson,Thomas,Taylor,Moore,Jackson,Martin,Lee,Perez,Thompson,White,Harris,Sanchez,Clark,Ramirez,Lewis,\
    Robinson,Walker,Young,Allen,King,Wright,Scott,Torres,Nguyen,Hill,Flores,Green,Adams,Nelson,Baker,Hall,Rivera,\
    Campbell,Mitchell,Carter,Roberts,Gomez,Phillips,Evans,Turner,Diaz,Parker,Cruz,Edwards,Collins,Reyes,Stewart,\
    Morris,Morales,Murphy,Cook,Rogers,Gutierrez,Ortiz,Morgan,Cooper,Peterson,Bailey,Reed,Kelly,Howard,Ramos,Kim,\
    Cox,Ward,Richardson,Watson,Brooks,Chavez,Wood,James,Bennett,Gray,Mendoza,Ruiz,Hughes,Price,Alvarez,Castillo,\
    Sanders,Patel,Myers,Long,Ross,Foster,Jimenez,Powell,Jenkins,Perry,Russell,Sullivan,Bell,Coleman,Butler,\
    Henderson,Barnes,Fisher,Vasquez,Simmons,Graham,Marshall,Owens,Harrison,Fernandez,McDonald,Woods,Washington,\
    Kennedy,Wells,Vargas,Freeman,Webb,Tucker,Guzman,Burns,Crawford,Olson,Simpson,Porter,Hunter,Gordon,Mendez,Silva,\
    Shaw,Snyder,Mason,Dixon,Muñoz|munoz,Hunt,Hicks,Holmes,Palmer,Wagner,Black,Robertson,Boyd,Stone,Salazar,Fox,\
    Warren,Mills,Meyer,Rice,Schmidt,Garza,Daniels,Ferguson,Nichols,Stephens,Soto,Weaver,Gardner,Payne,Grant,Dunn,\
    Müller|muller,Schröder|schroder,Schäfer|schafer,Weiß|weiss,Becker,Hoffmann,Wójcik|wojcik,Kowalski,Nowak,\
    Lewandowski,Wiśniewski|wisniewski,Dąbrowski|dabrowski,Novák|novak,Dvořák|dvorak,Svoboda,Horváth|horvath,Nagy,\
    Kovács|kovacs,Popescu,Ionescu,Yılmaz|yilmaz,Kaya,Demir,Şahin|sahin,Çelik|celik,Öztürk|ozturk,Andersson,\
    Johansson,Karlsson,Nilsson,Eriksson,Lindström|lindstrom,Hansen,Jensen,Nielsen,Sørensen|sorensen,Virtanen,\
    Korhonen,Mäkinen|makinen,Dubois,Lefèvre|lefevre,Moreau,Laurent,Girard,Bonnet,Rousseau,Lambert,Fontaine,\
    Chevalier,Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,\
    De Luca|deluca,Costa,Giordano,Mancini,Rizzo,Lombardi,Moretti,Santos,Oliveira,Pereira,Ferreira,Rodrigues,\
    Almeida,Gonçalves|goncalves,Carvalho,Sousa,Ribeiro,Peña|pena,Núñez|nunez,Ibáñez|ibanez,Herrera,Medina,Castro,\
    Vega,Delgado,Romero,Navarro,Iglesias,Sato,Suzuki,Takahashi,Tanaka,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,\
    Kato,李|li,王|wang,张|zhang,刘|liu,陈|chen,Wong,Park,Choi,Kang,Cho,Yoon,Singh,Kumar,Sharma,Gupta,Reddy,Iyer,\
    Mehta,Shah,Khan,Ali,Hassan,Rahman,Ahmed,Haddad,Nasser,Cohen,Levi,Friedman,Ivanov,Smirnov,Kuznetsov,Popov,\
    Volkov,Petrov,O'Brien|obrien,O'Connor|oconnor,MacLeod|macleod,Fitzgerald,Nkosi,Okafor,Mensah,Adeyemi,Mwangi,\
    Tran,Pham,Hoang,Phan
    """)

    /// Free-mail and ISP domains; company domains are derived from the company bank.
    static let mailDomains: [String] = [
        "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me", "gmx.de", "web.de",
        "orange.fr", "libero.it", "aol.com", "mail.com", "qq.com", "naver.com", "yandex.ru", "fastmail.com",
    ]

    /// Tags some people put after a `+` in their address.
    static let emailTags: [String] = ["news", "shop", "cio", "promo", "work", "2024"]

    /// One city with what goes with it: country code, usual language, phone prefix and time zone.
    struct City: Sendable {
        let name: String
        let country: String
        let language: String
        let dialCode: String
        let timeZone: String
        let weight: Double
    }

    /// Cities grouped by country; weights are the share of customers per city (roughly a SaaS audience).
    static let cities: [City] = {
        let table: [(String, String, String, String, Double, [String])] = [
            ("US", "en", "1", "America/New_York", 34, ["New York", "San Francisco", "Austin", "Chicago", "Seattle", "Boston", "Denver", "Atlanta"]),
            ("GB", "en", "44", "Europe/London", 9, ["London", "Manchester", "Edinburgh", "Bristol"]),
            ("DE", "de", "49", "Europe/Berlin", 9, ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main"]),
            ("FR", "fr", "33", "Europe/Paris", 6, ["Paris", "Lyon", "Marseille", "Toulouse"]),
            ("CA", "en", "1", "America/Toronto", 5, ["Toronto", "Montréal", "Vancouver"]),
            ("ES", "es", "34", "Europe/Madrid", 4, ["Madrid", "Barcelona", "València"]),
            ("IT", "it", "39", "Europe/Rome", 3.5, ["Roma", "Milano", "Torino"]),
            ("NL", "nl", "31", "Europe/Amsterdam", 3, ["Amsterdam", "Rotterdam", "Utrecht"]),
            ("PL", "pl", "48", "Europe/Warsaw", 3, ["Warszawa", "Kraków", "Łódź", "Wrocław"]),
            ("BR", "pt", "55", "America/Sao_Paulo", 4, ["São Paulo", "Rio de Janeiro", "Belo Horizonte"]),
            ("MX", "es", "52", "America/Mexico_City", 3, ["Ciudad de México", "Guadalajara", "Monterrey"]),
            ("IN", "en", "91", "Asia/Kolkata", 4, ["Bengaluru", "Mumbai", "Delhi", "Pune"]),
            ("JP", "ja", "81", "Asia/Tokyo", 3, ["Tokyo", "Osaka", "Kyoto"]),
            ("CN", "zh", "86", "Asia/Shanghai", 2, ["Shanghai", "Beijing", "Shenzhen"]),
            ("KR", "ko", "82", "Asia/Seoul", 1.5, ["Seoul", "Busan"]),
            ("AU", "en", "61", "Australia/Sydney", 3, ["Sydney", "Melbourne", "Brisbane"]),
            ("SE", "sv", "46", "Europe/Stockholm", 1.5, ["Stockholm", "Göteborg", "Malmö"]),
            ("IE", "en", "353", "Europe/Dublin", 1, ["Dublin", "Cork"]),
            ("TR", "tr", "90", "Europe/Istanbul", 1, ["İstanbul", "Ankara"]),
            ("NG", "en", "234", "Africa/Lagos", 1, ["Lagos", "Abuja"]),
            ("ZA", "en", "27", "Africa/Johannesburg", 1, ["Johannesburg", "Cape Town"]),
            ("DK", "da", "45", "Europe/Copenhagen", 0.8, ["København", "Aarhus"]),
            ("FI", "fi", "358", "Europe/Helsinki", 0.7, ["Helsinki", "Tampere"]),
            ("PT", "pt", "351", "Europe/Lisbon", 0.8, ["Lisboa", "Porto"]),
        ]
        return table.flatMap { country, language, dial, zone, weight, names in
            names.map { City(name: $0, country: country, language: language, dialCode: dial, timeZone: zone, weight: weight / Double(names.count)) }
        }
    }()

    /// Company names are a prefix and a suffix, which gives a few hundred plausible, fictional firms.
    static let companyPrefixes = [
        "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wayne", "Soylent", "Tyrell",
        "Cyberdyne", "Aperture", "Monarch", "Blue Sky", "Lumen", "Brightleaf", "Copperline", "Driftwood", "Evergreen",
        "Foxglove", "Granite", "Harbor", "Ironclad", "Juniper", "Keystone", "Lighthouse", "Meridian", "Nimbus",
        "Oakridge", "Pinnacle", "Quartz", "Redwood", "Sierra", "Tidewater", "Upland", "Vertex", "Willow", "Zenith",
        "Kestrel", "Bluebird",
    ]
    static let companySuffixes = ["Labs", "Inc", "GmbH", "Studio", "Systems", "Analytics", "Logistics", "Health", "Foods", "Bank"]

    static var companyCount: Int { companyPrefixes.count * companySuffixes.count }

    static func company(_ index: Int) -> String {
        let prefix = companyPrefixes[index % companyPrefixes.count]
        let suffix = companySuffixes[index / companyPrefixes.count]
        return "\(prefix) \(suffix)"
    }

    private static func parse(_ text: String) -> [Name] {
        text.split(separator: ",").map { raw in
            let entry = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = entry.split(separator: "|", maxSplits: 1).map(String.init)
            let display = parts[0]
            let ascii = parts.count > 1 ? parts[1] : display.lowercased()
            precondition(ascii.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }, "name bank entry \(entry) needs an ASCII form")
            return Name(display: display, ascii: Array(ascii.utf8))
        }
    }
}
