package embedded.randomuser;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-nationality data of the loopback RandomUser source, precomputed as JSON bytes.
 *
 * <p>Patterns (phones, ids, string postcodes) are ASCII templates: {@code #} becomes a random digit,
 * {@code @} a random upper-case letter, anything else is copied. Name lists are "display" or
 * "display~ascii" (the ASCII form is used for e-mail addresses; without it the display form is
 * folded: diacritics removed, lower-cased, spaces and apostrophes dropped).
 *
 * <p>The quirks mirror real 1.4 responses (see src/test/resources/fixtures/randomuser/SOURCES.md):
 * string postcodes for CA, GB, NL, NO, IE; null {@code id.value} with an empty {@code id.name} for
 * IR, NZ, TR, UA; garbage ids such as {@code NaNNA229undefined} for some FI and FR users; letters in
 * CA and UA phone numbers; non-ASCII names for IR (Persian), TR, RS, NO, DE and others; street names
 * with a trailing space for some BR and RS streets.
 */
final class Nationality {

    final String code;
    final byte[] natJson;
    final byte[] countryJson;
    byte[][] titlesMale = quoteAll("Mr");
    byte[][] titlesFemale = quoteAll("Ms|Mrs|Miss");
    final byte[][] firstMale;
    final byte[][] firstMaleEmail;
    final byte[][] firstFemale;
    final byte[][] firstFemaleEmail;
    final byte[][] last;
    final byte[][] lastEmail;
    final byte[][] streets;
    final byte[][] cities;
    final byte[][] states;
    /** Numeric postcodes in [min, max] when {@link #postcodePatterns} is null. */
    int postcodeMin = 10000;
    int postcodeMax = 99999;
    byte[][] postcodePatterns;
    byte[][] phonePatterns;
    byte[][] cellPatterns;
    /** {@code "name":"SSN","value":} prefix, or null for nationalities without an id. */
    byte[] idNameJson;
    byte[][] idPatterns;
    byte[][] idGarbagePatterns;
    /** Out of 1000 users of this nationality, how many get a garbage id. */
    int idGarbagePerMille;

    private Nationality(String code, String country, String male, String female, String lastNames,
                        String streetNames, String cityNames, String stateNames) {
        this.code = code;
        this.natJson = Json.quote(code);
        this.countryJson = Json.quote(country);
        this.firstMale = quoteAll(displayForms(male));
        this.firstMaleEmail = emailForms(male);
        this.firstFemale = quoteAll(displayForms(female));
        this.firstFemaleEmail = emailForms(female);
        this.last = quoteAll(displayForms(lastNames));
        this.lastEmail = emailForms(lastNames);
        this.streets = quoteAll(streetNames);
        this.cities = quoteAll(cityNames);
        this.states = quoteAll(stateNames);
    }

    static final List<Nationality> ALL;
    static final Map<String, Nationality> BY_CODE;

    static Nationality byCode(String code) {
        return BY_CODE.get(code.toUpperCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------------------------- builders

    private Nationality titles(String male, String female) {
        this.titlesMale = quoteAll(male);
        this.titlesFemale = quoteAll(female);
        return this;
    }

    private Nationality postcode(int min, int max) {
        this.postcodeMin = min;
        this.postcodeMax = max;
        return this;
    }

    private Nationality postcodes(String patterns) {
        this.postcodePatterns = quoteAll(patterns);
        return this;
    }

    private Nationality phones(String phone, String cell) {
        this.phonePatterns = quoteAll(phone);
        this.cellPatterns = quoteAll(cell);
        return this;
    }

    private Nationality id(String name, String patterns) {
        this.idNameJson = ("\"name\":" + Json.quoteToString(name) + ",\"value\":").getBytes(StandardCharsets.UTF_8);
        this.idPatterns = quoteAll(patterns);
        return this;
    }

    private Nationality garbageIds(int perMille, String patterns) {
        this.idGarbagePerMille = perMille;
        this.idGarbagePatterns = quoteAll(patterns);
        return this;
    }

    private static String[] split(String list) {
        return list.split("\\|", -1);
    }

    private static byte[][] quoteAll(String list) {
        return quoteAll(split(list));
    }

    private static byte[][] quoteAll(String[] values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = Json.quote(values[i]);
        }
        return out;
    }

    private static String[] displayForms(String list) {
        String[] parts = split(list);
        for (int i = 0; i < parts.length; i++) {
            int tilde = parts[i].indexOf('~');
            if (tilde >= 0) {
                parts[i] = parts[i].substring(0, tilde);
            }
        }
        return parts;
    }

    private static byte[][] emailForms(String list) {
        String[] parts = split(list);
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            int tilde = parts[i].indexOf('~');
            String ascii = tilde >= 0 ? parts[i].substring(tilde + 1) : fold(parts[i]);
            out[i] = ascii.getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** ASCII-folds a name for an e-mail local part: "Horst-Günter" -> "horst-gunter". */
    static String fold(String name) {
        String s = name.replace("ß", "ss").replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o")
                .replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("ł", "l")
                .replace("Ł", "L").replace("œ", "oe").replace("Œ", "Oe");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                sb.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                sb.append((char) (c + ('a' - 'A')));
            }
        }
        if (sb.length() == 0) {
            throw new IllegalStateException("name needs an explicit ASCII form (display~ascii): " + name);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------- data

    static {
        List<Nationality> all = new ArrayList<>();
        all.add(new Nationality("AU", "Australia",
                "Leon|Charles|Jack|Oliver|William|Noah|Thomas|Lucas|Ethan|Cooper|Riley|Harvey",
                "Charlotte|Olivia|Mia|Isla|Ava|Grace|Chloe|Zoe|Ruby|Sophie|Emily|Lily",
                "Nichols|Anderson|Smith|Jones|Williams|Brown|Wilson|Taylor|Johnson|White|Martin|Walker",
                "E Sandy Lake Rd|Bollinger Rd|Mockingbird Ln|Photinia Ave|Central St|Parker Rd|Rolling Green Rd|Green Rd",
                "Bendigo|Maitland|Hobart|Geelong|Cairns|Wollongong|Ballarat|Toowoomba",
                "Australian Capital Territory|Victoria|New South Wales|Queensland|Tasmania|Western Australia|South Australia|Northern Territory")
                .postcode(200, 9999)
                .phones("0#-####-####", "04##-###-###")
                .id("TFN", "#########"));
        all.add(new Nationality("BR", "Brazil",
                "Adolfo|João|Caetano|Sérgio|Leandro|Vicente|Otávio|Gabriel|Rogério|Joaquim|Lauro|Ítalo",
                "Cátia|Luciana|Lívia|Aurélia|Josiane|Valéria|Débora|Patrícia|Mirela|Flávia|Yasmin|Ângela",
                "Pires|Lima|Silva|Souza|Costa|Ribeiro|Araújo|Gonçalves|Moreira|Nogueira|da Cunha|Fernandes",
                "Rua São Paulo |Travessa dos Martírios|Rua Dezessete |Rua Tiradentes |Rua Rui Barbosa|Rua Sete de Setembro |Rua Castro Alves|Avenida Brasil",
                "Paulo Afonso|Diadema|Maringá|Jundiaí|São Luís|Petrópolis|Cuiabá|Belém",
                "Acre|Bahia|Paraná|São Paulo|Maranhão|Rio de Janeiro|Mato Grosso|Pará")
                .phones("(##) ####-####", "(##) ####-####")
                .id("CPF", "###.###.###-##"));
        all.add(new Nationality("CA", "Canada",
                "Daniel|Liam|Nathan|Logan|Owen|Benjamin|Jacob|Mason|Noah|Félix|Zachary|Hunter",
                "Clara|Emma|Charlotte|Maëlle|Chloe|Florence|Abigail|Léa|Sophie|Olivia|Madison|Rosalie",
                "Wilson|Johnson|Tremblay|Gagnon|Roy|Côté|Bouchard|Gauthier|Morin|Lavoie|Fortin|Martin",
                "Dufferin St|Concession Road 23|Lakeshore Rd|Balmoral St|Victoria Ave|Grand Ave|Duke St|King St",
                "Elgin|Lafontaine|Kingston|Sherbrooke|Victoria|Red Deer|Laval|Trois-Rivières",
                "British Columbia|Nunavut|Ontario|Québec|Alberta|Manitoba|Nova Scotia|Yukon")
                .postcodes("@#@ #@#")
                .phones("@## @##-####", "@## @##-####")
                .id("SIN", "#########"));
        all.add(new Nationality("CH", "Switzerland",
                "Attila|Lukas|Noah|Luca|Elias|Matteo|Julien|Gabriel|Nicolas|Yannick|Stefan|Reto",
                "Giorgia|Léa|Mia|Laura|Chiara|Anja|Céline|Lara|Nina|Sara|Elena|Maëlle",
                "Bernard|Petit|Müller|Meier|Schmid|Keller|Weber|Huber|Moreau|Rousseau|Fontana|Brunner",
                "Place de L'Abbé-Franz-Stock|Rue Principale|Bahnhofstrasse|Route de Genève|Dorfstrasse|Rue de la Gare|Kirchweg|Avenue du Mont-Blanc",
                "Laconnex|Greifensee|Basel|Lausanne|Luzern|Bern|Lugano|Winterthur",
                "Zürich|Fribourg|Basel-Stadt|Vaud|Luzern|Bern|Ticino|Graubünden")
                .titles("Mr|Monsieur", "Ms|Mrs|Miss|Madame|Mademoiselle")
                .postcode(1000, 9999)
                .phones("0## ### ## ##", "07# ### ## ##")
                .id("AVS", "756.####.####.##"));
        all.add(new Nationality("DE", "Germany",
                "Horst-Günter|Eduard|Jens|Urban|Jürgen|Björn|Lukas|Maximilian|Uwe|Dieter|Jörg|Niklas",
                "Loretta|Rahel|Josefine|Marcella|Jutta|Brünhilde|Käthe|Sophie|Annegret|Ursula|Mareike|Lena",
                "Habermann|Korte|Marquardt|Sieber|Krause|Michler|Kürschner|Neubert|Müller|Schröder|Weiß|Böhm",
                "Fasanenweg|Bahnhofstraße|Ahornweg|Lerchenweg|Raiffeisenstraße|Kirchgasse|Tannenweg|Danziger Straße",
                "Teltow|Kaub|Kalkar|Vöhrenbach|Rehburg-Loccum|Mindelheim|Arneburg|Hirschhorn (Neckar)",
                "Sachsen-Anhalt|Bayern|Berlin|Niedersachsen|Thüringen|Hessen|Baden-Württemberg|Bremen")
                .phones("0###-#######", "017#-#######")
                .id("SVNR", "## ###### @ ###"));
        all.add(new Nationality("DK", "Denmark",
                "Sander|Mikkel|Oliver|Magnus|Frederik|Emil|Rasmus|Søren|Jørgen|Malthe|Anton|Villads",
                "Nanna|Ida|Freja|Emma|Sofie|Clara|Mathilde|Signe|Laura|Astrid|Maja|Karoline",
                "Jensen|Andersen|Nielsen|Hansen|Pedersen|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|Madsen|Kristensen",
                "Søtoften|Orevej|Skovvej|Kirkevej|Vestergade|Møllevej|Engvej|Åboulevarden",
                "Ansager|Vesterborg|Aarhus|Odense|Aalborg|Roskilde|Randers|København N",
                "Sjælland|Syddanmark|Midtjylland|Nordjylland|Hovedstaden")
                .phones("########", "########")
                .id("CPR", "######-####"));
        all.add(new Nationality("ES", "Spain",
                "Marcos|Alejandro|Pablo|Hugo|Álvaro|Javier|Sergio|Iván|Rubén|Ismael|Jesús|Joaquín",
                "Nerea|Lucía|María|Paula|Carmen|Elena|Sara|Irene|Silvia|Inés|Rocío|Ángela",
                "Hidalgo|Sáez|García|Fernández|González|Rodríguez|López|Martín|Sánchez|Pérez|Gómez|Díaz",
                "Calle de Téllez|Calle de Tetuán|Avenida de Andalucía|Calle de Alcalá|Paseo de Zorrilla|Calle de La Almudena|Calle de Atocha|Avenida del Planetario",
                "Torrente|Gandía|Madrid|Sevilla|Valencia|Zaragoza|Málaga|Alcobendas",
                "La Rioja|Asturias|Comunidad de Madrid|Andalucía|Cataluña|Galicia|Castilla y León|Aragón")
                .phones("9##-###-###", "6##-###-###")
                .id("DNI", "########-@"));
        all.add(new Nationality("FI", "Finland",
                "Vilho|Otto|Aatu|Eetu|Onni|Leo|Elias|Juho|Veeti|Lauri|Väinö|Niilo",
                "Neea|Aino|Eevi|Siiri|Venla|Iida|Helmi|Pihla|Aada|Sofia|Ronja|Elli",
                "Ylitalo|Manni|Tikkanen|Leino|Korhonen|Virtanen|Mäkinen|Nieminen|Hämäläinen|Heikkinen|Koskinen|Järvinen",
                "Suvantokatu|Bulevardi|Myllypuronkatu|Tehtaankatu|Hämeenkatu|Satakennankatu|Pispalan Valtatie|Esplanadi",
                "Nivala|Haapajärvi|Kuhmoinen|Tarvasjoki|Tampere|Espoo|Oulu|Jyväskylä",
                "Central Ostrobothnia|Åland|Southern Savonia|Pirkanmaa|Uusimaa|Lapland|Kainuu|Satakunta")
                .phones("0#-###-###", "04#-###-##-##")
                .id("HETU", "######-###@")
                .garbageIds(400, "NaNNA###undefined"));
        all.add(new Nationality("FR", "France",
                "Dylan|Noah|Hugo|Mathis|Théo|Raphaël|Maxime|Enzo|Clément|Lucas|Jules|Étienne",
                "Lison|Léa|Manon|Chloé|Camille|Inès|Zoé|Océane|Jade|Louise|Anaïs|Maëlys",
                "Brunet|Legrand|Dupont|Lefebvre|Moreau|Girard|Mercier|Fontaine|Roussel|Lambert|Faure|Garnier",
                "Rue Chazière|Quai Chauveau|Rue de la Barre|Rue du Dauphiné|Place du 22 Novembre|Rue de L'Abbé-Groult|Avenue Vauban|Rue Pasteur",
                "Tours|Rennes|Lyon|Marseille|Nantes|Montpellier|Saint-Étienne|Aulnay-sous-Bois",
                "Haute-Marne|Mayenne|Rhône|Bouches-du-Rhône|Loire-Atlantique|Hérault|Loire|Seine-Saint-Denis")
                .phones("0#-##-##-##-##", "06-##-##-##-##")
                .id("INSEE", "############# ##")
                .garbageIds(200, "1NNaN######## ##|2NNaN######## ##"));
        all.add(new Nationality("GB", "United Kingdom",
                "Carter|Daryl|Harry|George|Oliver|Callum|Rhys|Alfie|Dylan|Jamie|Owen|Lewis",
                "Amelia|Olivia|Isla|Poppy|Freya|Ellie|Jessica|Megan|Holly|Abbie|Bethany|Chloe",
                "Silva|Allen|Smith|Jones|Taylor|Davies|Evans|Thomas|Roberts|Walker|Wright|Hughes",
                "Manchester Road|Rectory Lane|Church Street|Station Road|Victoria Street|High Street|Mill Lane|King Street",
                "St Albans|Belfast|Leeds|Bristol|Coventry|Exeter|Truro|Gloucester",
                "Cornwall|Cambridgeshire|West Yorkshire|Somerset|Devon|Kent|Lancashire|Northumberland")
                .postcodes("@# #@@|@## #@@|@@# #@@|@@## #@@|@#@ #@@|@@#@ #@@")
                .phones("01### #####|0##### #####", "07### ######")
                .id("NINO", "@@ ## ## ## @"));
        all.add(new Nationality("IE", "Ireland",
                "Russell|Seán|Ciarán|Oisín|Declan|Cian|Pádraig|Darragh|Eoin|Liam|Conor|Niall",
                "Sophie|Aoife|Niamh|Saoirse|Siobhán|Róisín|Clodagh|Orla|Gráinne|Caoimhe|Aisling|Emma",
                "Caldwell|Bates|Murphy|Kelly|O'Sullivan|Walsh|O'Brien|Byrne|Ryan|O'Connor|Gallagher|Doyle",
                "George Street|Strand Road|Main Street|Church Road|Grafton Street|The Drive|Mill Road|Patrick Street",
                "Newbridge|Limerick|Galway|Cork|Kilkenny|Wexford|Sligo|Dundalk",
                "Limerick|Louth|Galway|Cork|Kilkenny|Wexford|Sligo|Kildare")
                .postcodes("@## @###|@## @@##|@## @#@#|D## @#@#")
                .phones("0##-###-####", "08#-###-####")
                .id("PPS", "#######@"));
        all.add(new Nationality("IN", "India",
                "Kahaan|Aarav|Vihaan|Arjun|Reyansh|Ishaan|Kabir|Shaurya|Atharv|Advik|Rohan|Pranav",
                "Aadhya|Ananya|Diya|Saanvi|Myra|Anika|Kavya|Ishita|Riya|Navya|Tanvi|Meera",
                "Shetty|Sharma|Patel|Reddy|Nair|Iyer|Kumar|Gupta|Menon|Rao|Joshi|Desai",
                "Racecource Rd|MG Road|Station Rd|Nehru Rd|Gandhi Marg|Church St|Lal Bahadur Shastri Marg|Linking Rd",
                "Narasaraopet|Pune|Mysore|Kochi|Indore|Jaipur|Lucknow|Nagpur",
                "Mizoram|Maharashtra|Karnataka|Kerala|Madhya Pradesh|Rajasthan|Uttar Pradesh|Gujarat")
                .phones("9#########", "9#########")
                .id("UIDAI", "############"));
        all.add(new Nationality("IR", "Iran",
                "دانیال~dnyl|آرمین~armyn|محمدرضا~mhmdrda|امیرحسین~amyrhsyn|علی~aly|حسین~hsyn|کیان~kyan|پارسا~parsa|سینا~syna|آرش~arsh|مهدی~mhdy|رضا~rda",
                "یسنا~ysn|نازنین~naznyn|زهرا~zhra|ستایش~staysh|مریم~mrym|فاطمه~fatmh|نیایش~nyaysh|رها~rha|آیناز~aynaz|ملینا~mlyna|سارینا~saryna|هستی~hsty",
                "کامروا~khmrw|حسینی~hsyny|صدر~sdr|احمدی~ahmdy|رضایی~rdayy|محمدی~mhmdy|کریمی~krymy|موسوی~mwswy|جعفری~jafry|رحیمی~rhymy|نوری~nwry|سلطانی~sltany",
                "هویزه|شهید کشواد|پارک طالقانی|میدان انقلاب|آزادی|ولیعصر|شریعتی|فاطمی",
                "خوی|بجنورد|آبادان|قم|تهران|شیراز|اصفهان|تبریز",
                "قزوین|چهارمحال و بختیاری|قم|خوزستان|تهران|فارس|اصفهان|آذربایجان شرقی")
                .phones("0##-########", "09##-###-####"));
        all.add(new Nationality("MX", "Mexico",
                "Rodrigo|Alejandro|Emiliano|Santiago|Sebastián|Mateo|Diego|Leonardo|Joaquín|Ramiro|Jesús|Gerardo",
                "Dolores|Amalia|Guadalupe|Ximena|Valeria|Regina|Renata|Camila|Fernanda|Mariana|Lucía|Itzel",
                "Rendón|Figueroa|Hernández|García|Martínez|López|González|Pérez|Sánchez|Ramírez|Cruz|Flores",
                "Peatonal del Río|Diagonal Sur Barrientos|Avenida Vélez|Calle Reforma|Circunvalación Juárez|Prolongación Hidalgo|Callejón Morelos|Ampliación Zaragoza",
                "Ejido Constitución|Coacoatzintla|Guadalajara|Mérida|Puebla|Querétaro|Tlaquepaque|Monterrey",
                "Tlaxcala|Nayarit|Jalisco|Yucatán|Puebla|Querétaro|Nuevo León|Sonora")
                .phones("(###) ### ####", "(###) ### ####")
                .id("NSS", "## ## ## #### #"));
        all.add(new Nationality("NL", "Netherlands",
                "Jawad|Koenraad|Naim|Daan|Sem|Bram|Thijs|Jesse|Ruben|Sven|Gijs|Jeroen",
                "Sanne|Femke|Lotte|Noor|Eva|Fleur|Iris|Anouk|Lieke|Roos|Maud|Tessa",
                "Pruijn|Hoedjes|Held|de Jong|Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|de Boer",
                "Burg Mobersstraat|Bontekoestraat|Caddenbosch|Kerkstraat|Dorpsstraat|Molenweg|Stationsweg|Julianastraat",
                "Rijperkerk|Matsloot|Netersel|Utrecht|Zwolle|Groningen|Den Haag|Maastricht",
                "Friesland|Limburg|Flevoland|Utrecht|Overijssel|Groningen|Zuid-Holland|Noord-Brabant")
                .postcodes("#### @@")
                .phones("(0###) ######|(0##) #######", "(06) ########")
                .id("BSN", "########"));
        all.add(new Nationality("NO", "Norway",
                "Ibrahim|Lias|Tom|Michal|Håkon|Øyvind|Sindre|Jørgen|Magnus|Ståle|Bjørn|Eirik",
                "Iben|Weronika|Emily|Ingrid|Åse|Solveig|Tuva|Sigrid|Hedda|Maja|Marte|Kjersti",
                "Drageset|Voll|Lofthus|Sundstrøm|Abdullahi|Nilssen|Leiknes|Ødegård|Bråten|Aasen|Hætta|Strøm",
                "Professor Lochmanns gate|Alunsjøveien|Hollendergata|Krokstien|Hockeyveien|Spireaveien|Sigurd Syrs gate|Bjørnstjerne Bjørnsons gate",
                "Innbygda|Nordkjosbotn|Kil|Vestre Jakobselv|Hellerud|Nesbyen|Sneltvedt|Tønsberg",
                "Troms - Romsa|Sør-Trøndelag|Akershus|Oppland|Rogaland|Møre og Romsdal|Vestfold|Østfold")
                .postcodes("####")
                .phones("########", "4#######|9#######")
                .id("FN", "###########"));
        all.add(new Nationality("NZ", "New Zealand",
                "Archer|Liam|Hunter|Nikau|Tama|Lachlan|Blake|Hamish|Finn|Mason|Cooper|Riley",
                "Ivy|Aria|Mia|Harper|Ruby|Isla|Manaia|Aroha|Ella|Zoe|Maia|Georgia",
                "Hall|Wright|Smith|Wilson|Brown|Taylor|Thompson|Walker|Robinson|Clark|Ngata|Parata",
                "Domain Road|Port Hills Road|Queen Street|Tamaki Drive|Ponsonby Road|Cuba Street|Clyde Street|Ellerslie-Panmure Highway",
                "Rotorua|Christchurch|Auckland|Wellington|Hamilton|Dunedin|Napier|Nelson",
                "Nelson|Tasman|Auckland|Wellington|Waikato|Otago|Canterbury|Hawke'S Bay")
                .phones("(###)-###-####", "(###)-###-####"));
        all.add(new Nationality("RS", "Serbia",
                "Ljubiša|Velibor|Miloš|Dragoljub|Nikola|Stefan|Đorđe|Dušan|Vuk|Branko|Zoran|Živko",
                "Andrea|Iva|Ljuba|Lada|Jelena|Milica|Dragana|Snežana|Katarina|Jovana|Ivana|Tijana",
                "Kojić|Katanić|Dokić|Rašić|Stevanović|Santrač|Jovanović|Petrović|Nikolić|Đorđević|Marković|Živković",
                "Miloša Bajića |Dvadesetdevetog Novembra|Draginje Vlašić|Vinogradarska|Belasička|Trinaestog Oktobra|Kneza Miloša|Cara Dušana ",
                "Belgrade|Kovačica|Petrovac na Mlavi|Sečanj|Sjenica|Zvečan|Niš|Čačak",
                "Braničevo|Pomoravlje|Toplica|South Bačka|North Banat|Zlatibor|Šumadija|Nišava")
                .phones("0##-####-###", "06#-####-###")
                .id("SID", "#########"));
        all.add(new Nationality("TR", "Turkey",
                "Barış|Necati|Mestan|Ömür|Çağan|Kerem|Oğuz|Emre|Şahin|İsmail|Gökhan|Ümit",
                "Afşar|Ayşe|Gülsüm|Şeyma|Özge|İpek|Büşra|Gizem|Çiğdem|Elif|Nazlı|Zeynep",
                "Tazegül|Kulaksızoğlu|Kunter|Korol|Yazıcı|Öztürk|Yılmaz|Çelik|Şahin|Doğan|Aydın|Özdemir",
                "Necatibey Cd|Maçka Cd|Istiklal Cd|Şehitler Cd|Atatürk Sk|Bağdat Cd|Kushimoto Sk|Filistin Cd",
                "Şırnak|Kütahya|Rize|Bingöl|İzmir|Eskişehir|Muğla|Çorum",
                "Gaziantep|Erzurum|Kırşehir|Karaman|Kırıkkale|Ağrı|Düzce|Tekirdağ")
                .phones("(###)-###-####", "(###)-###-####"));
        all.add(new Nationality("UA", "Ukraine",
                "Boris|Peresvit|Bogdan|Yaroslav|Taras|Ostap|Dmitro|Svyatoslav|Zinoviy|Levko|Myroslav|Oleksandr",
                "Oksana|Zlata|Bozhena|Yaroslava|Vasilina|Solomiya|Khrystyna|Lyubov|Myroslava|Ulyana|Darina|Olesya",
                "Ribalchenko|Grivko|Kovalenko|Shevchenko|Bondarenko|Tkachenko|Kravchenko|Oliynik|Lisenko|Rudenko|Melnik|Savchuk",
                "Patriarha Mstislava Skripnika|Provulok Dezhnieva|Zhovtneva|Shevchenka|Khreshchatyk|Lesi Ukrayinki|Sadova|Vulitsya Franka",
                "Rivne|Noviy Kaliniv|Lviv|Poltava|Zhitomir|Vinnicya|Chernigiv|Uzhgorod",
                "Lvivska|Ternopilska|Kiyivska|Poltavska|Zhitomirska|Vinnicka|Chernigivska|Zakarpatska")
                .phones("(0##) @##-####", "(09#) @##-####"));
        all.add(new Nationality("US", "United States",
                "Christopher|Jeffery|Brandon|Wyatt|Clarence|Dwayne|Travis|Gregory|Russell|Harold|Ricky|Marvin",
                "Sonia|Brittany|Tina|Vanessa|Kathy|Judith|Lucille|Crystal|Peggy|Jill|Naomi|Terra",
                "Freeman|Scott|Hunt|Warren|Mitchell|Reyes|Bishop|Carter|Fowler|Holmes|Wells|Stewart",
                "Thornridge Cir|Pecan Acres Ln|Mockingbird Hill|Hickory Creek Dr|Samaritan Dr|Depaul Dr|Daisy Dr|W Pecan St",
                "Irvine|Mesquite|Allentown|Lubbock|Fort Collins|Syracuse|Killeen|Rochester",
                "Wisconsin|Nevada|Pennsylvania|Texas|Colorado|New York|Oregon|Minnesota")
                .phones("(###) ###-####", "(###) ###-####")
                .id("SSN", "###-##-####"));
        ALL = Collections.unmodifiableList(all);
        Map<String, Nationality> byCode = new LinkedHashMap<>();
        for (Nationality n : all) {
            byCode.put(n.code, n);
        }
        BY_CODE = Collections.unmodifiableMap(byCode);
    }
}
