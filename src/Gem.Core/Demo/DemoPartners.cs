using Gem.Core.Atlas;
using static Gem.Core.Atlas.Sector;

namespace Gem.Core.Demo;

/// <summary>One partner of the demo region. Fictional partners get an example.org web address and mail,
/// a "Voorbeeldstraat"-style address and a never-issued phone number, all derived from <see cref="Key"/>.</summary>
internal sealed record DemoPartner(string Key, string Name, Sector Sector, string Pc4, string? SignedOn, string Description,
    bool IsFictional = true, string? Website = null, string? Phone = null);

/// <summary>
/// The partners of the demo region, one line each. To add one: pick a short unique key (it becomes
/// key.example.org), a name that is obviously invented, a sector, a PC4 of the region, the date it signed
/// the shared values (or null) and one plain sentence about it. Then give it offers in <see cref="DemoOffers"/>.
/// </summary>
internal static class DemoPartners
{
    /// <summary>Appended to the name of every fictional partner, so nobody mistakes it for a real organisation.</summary>
    public const string FictionalMarker = " (fictief)";

    private static DemoPartner P(string key, string name, Sector sector, string pc4, string? signedOn, string description) =>
        new(key, name, sector, pc4, signedOn, description);

    /// <summary>A real national public service, with its real public contact details (checked; omit what you are not sure of).</summary>
    private static DemoPartner Real(string key, string name, Sector sector, string website, string? phone, string description) =>
        new(key, name, sector, "", null, description, IsFictional: false, Website: website, Phone: phone);

    public static readonly IReadOnlyList<DemoPartner> All =
    [
        // Sociaal domein
        P("zeewind", "Wijkteam Zeewind Harderwijk", SociaalDomein, "3842", "2024-02-14", "Het wijkteam voor alle vragen over geld, wonen, zorg en samenleven in Harderwijk en Hierden."),
        P("heideveld", "Sociaal Team Heideveld Ermelo", SociaalDomein, "3851", "2024-03-05", "Het sociaal team van Ermelo: één plek voor hulp bij geld, wonen, opvoeden en meedoen."),
        P("brem", "Dorpsteam De Brem Nunspeet", SociaalDomein, "8071", "2024-04-22", "Het dorpsteam van Nunspeet, Elspeet, Vierhouten en Hulshorst."),
        P("vlonderpad", "Welzijnshuis Het Vlonderpad", SociaalDomein, "8081", "2024-05-13", "Welzijnswerk in Elburg, 't Harde en Doornspijk: ontmoeten, meedoen en mantelzorg."),
        P("kruimeltrommel", "Buurtkamer De Kruimeltrommel", SociaalDomein, "8091", "2024-09-30", "Een buurtkamer in Wezep waar buurtbewoners elkaar ontmoeten, samen eten en klussen."),
        P("rekenrups", "Budgetcafé De Rekenrups", SociaalDomein, "3844", "2025-01-20", "Vrijwilligers die helpen met post, geld en formulieren, zonder oordeel."),
        P("putterbos", "Sociaal Loket Putterbos", SociaalDomein, "3881", "2024-06-11", "Het sociaal loket van Putten voor hulp, advies en meedoen."),
        P("dakkapel", "Woonwijzer Het Dakkapelletje", SociaalDomein, "3843", "2025-03-18", "Begeleiding bij wonen: op jezelf gaan, je huis houden en goed buur zijn."),
        P("draaischijf", "Activeringscentrum De Draaischijf", SociaalDomein, "8084", null, "Een werkplaats in 't Harde voor dagritme, vakmanschap en samenwerken."),

        // Herstelacademie / zelfregiecentrum
        P("zandloper", "Herstelacademie De Zandloper", Herstelacademie, "3841", "2024-01-25", "Cursussen en werkplaatsen over herstel, gegeven door en met ervaringsdeskundigen."),
        P("lichtbaken", "Zelfregiecentrum Het Lichtbaken", Herstelacademie, "8081", "2024-02-08", "Een zelfregiecentrum in Elburg: je eigen koers bepalen, samen met anderen."),
        P("wilgenkorf", "Herstelwerkplaats De Wilgenkorf", Herstelacademie, "3852", "2024-07-01", "Creatieve en praktische herstelwerkplaatsen in Ermelo."),
        P("heidekruid", "Leerhuis Herstel Heidekruid", Herstelacademie, "8072", "2025-02-03", "Een leerhuis in Nunspeet waar je leert over herstel en over jezelf."),
        P("zonnewijzer", "Zelfregiehuis De Zonnewijzer", Herstelacademie, "3882", "2024-11-12", "Een huiskamer en leerplek voor herstel in Putten."),
        P("waterput", "Herstelcafé De Waterput", Herstelacademie, "8096", "2025-06-24", "Herstelcafé en cursussen in Oldebroek en Wezep."),

        // Huisarts en POH-ggz
        P("zandheuvel", "Huisartsenpraktijk Zandheuvel", HuisartsPoh, "3845", "2024-04-09", "Een huisartsenpraktijk met POH-ggz die samenwerkt met de hele wijk."),
        P("vlinderhof", "Gezondheidscentrum Vlinderhof", HuisartsPoh, "3853", "2024-10-15", "Huisartsen, POH-ggz, fysiotherapie en diëtist onder één dak in Ermelo."),
        P("stuifduin", "Huisartsen De Stuifduin", HuisartsPoh, "8077", "2025-04-28", "Een dorpspraktijk in Hulshorst met veel aandacht voor leefstijl."),
        P("hooiberg", "Praktijk De Hooiberg", HuisartsPoh, "8095", null, "Een kleine huisartsenpraktijk in 't Loo Oldebroek."),

        // Kleine ggz (basis-ggz, vrijgevestigd)
        P("kalmwater", "Psychologenpraktijk Kalm Water", KleineGgz, "3846", "2024-08-20", "Psychologen voor kortdurende hulp, bij voorkeur in groepen."),
        P("ruimterust", "Praktijk Ruimte en Rust", KleineGgz, "8082", "2025-05-06", "Basis-ggz in Elburg, met groepen en online behandeling."),
        P("tuinhek", "Basis-ggz Het Tuinhek", KleineGgz, "3881", "2024-12-02", "Een team van psychologen en een vaktherapeut in Putten."),
        P("dichtbij", "Online Praktijk Dichtbij", KleineGgz, "3848", "2025-09-09", "Psychologische hulp via video, in de avond en tussen de middag."),

        // Grote (specialistische) ggz
        P("noorderlicht", "GGZ Centrum Noorderlicht Veluwe", GroteGgz, "3847", "2024-03-21", "Specialistische ggz die ook adviseert aan huisartsen, wijkteams en herstelacademies."),
        P("eikenhorst", "FACT-team De Eikenhorst", GroteGgz, "3851", "2024-05-29", "Een team dat mensen met ernstige psychische kwetsbaarheid thuis en in de wijk ondersteunt."),
        P("dennenrust", "Polikliniek Dennenrust", GroteGgz, "8076", "2025-08-19", "Polikliniek en vaktherapie in de bossen bij Vierhouten."),

        // Verslavingszorg
        P("vrijevogel", "Verslavingszorg De Vrije Vogel", Verslavingszorg, "3842", "2024-06-26", "Hulp bij alcohol, drugs, gokken en gamen, met ervaringsdeskundigen in elk team."),
        P("nuchter", "Herstelhuis Nuchter en Nu", Verslavingszorg, "8071", "2025-01-14", "Groepen en een huiskamer voor herstel van verslaving in Nunspeet."),
        P("middelenmens", "Poli Middelen en Mens", Verslavingszorg, "3881", "2025-10-07", "Polikliniek voor verslaving in Putten, ook voor naasten."),

        // Verstandelijke beperking
        P("duizendpoot", "Woonzorg De Duizendpoot", Vg, "3852", "2024-09-03", "Wonen, werken en meedoen voor mensen met een verstandelijke beperking."),
        P("regenboogkever", "Dagbesteding De Regenboogkever", Vg, "8085", "2025-03-25", "Dagbesteding op een tuinderij in Doornspijk."),
        P("klaretaal", "Steunpunt Klare Taal", Vg, "3843", null, "Steun voor mensen met een licht verstandelijke beperking, in makkelijke taal."),

        // Informeel en peer
        P("lantaarn", "Lotgenotenkring De Lantaarn", InformeelPeer, "3841", "2024-02-27", "Lotgenotengroepen in Harderwijk, gedragen door vrijwilligers met ervaring."),
        P("bankje", "Vriendenkring Het Bankje", InformeelPeer, "3851", "2024-04-16", "Een inloop en groepen tegen eenzaamheid in Ermelo."),
        P("heidepad", "Buurtmaatjes Heidepad", InformeelPeer, "8071", "2024-08-06", "Vrijwillige maatjes die samen met je iets ondernemen."),
        P("schelp", "Zelfhulpnetwerk De Schelp", InformeelPeer, "8081", "2025-02-18", "Zelfhulpgroepen in Elburg en online, van en voor lotgenoten."),
        P("samendroog", "Stichting Samen Droog", InformeelPeer, "8091", "2024-10-29", "Zelfhulpgroepen voor herstel van verslaving, geleid door mensen die zelf herstellen."),
        P("treurwilg", "Rouwkring De Treurwilg", InformeelPeer, "3881", "2025-05-20", "Vrijwilligers die rouwgroepen en rouwwandelingen organiseren."),
        P("naastenkring", "Naastenkring Dichtbij", InformeelPeer, "3844", "2025-07-08", "Steun door en voor naasten van mensen met psychische kwetsbaarheid."),
        P("waterkan", "Inloophuis De Waterkan", InformeelPeer, "8072", null, "Een inloophuis van kerken en vrijwilligers in Nunspeet, voor iedereen."),

        // eCommunity
        P("dorpsplein", "Het Digitale Dorpsplein", ECommunity, "3848", "2024-11-26", "Een online ontmoetingsplek voor inwoners van de regio, met moderatoren met ervaringskennis."),
        P("nachtvlinder", "Chatgroep Nachtvlinder", ECommunity, "8082", "2025-04-01", "Een nachtchat voor wie wakker ligt, gedragen door vrijwilligers."),
        P("herstelverhalen", "Forum Herstelverhalen", ECommunity, "3853", "2025-09-23", "Een online plek om verhalen over herstel te lezen en te delen."),

        // Vaktherapie en complementair
        P("penseel", "Praktijk voor Beeldende Therapie Het Penseel", VaktherapieCam, "3849", "2024-07-16", "Beeldende therapie in groepen en individueel, in Hierden."),
        P("klankkast", "Muziektherapie De Klankkast", VaktherapieCam, "8084", "2025-01-28", "Muziek, zang en dans om weer in je lijf te komen."),
        P("stilte", "Mindfulnesscentrum Stilte in de Storm", VaktherapieCam, "3882", "2024-05-07", "Mindfulness, meditatie en yoga in Putten en online."),
        P("lotusvijver", "Yoga- en Ademhuis De Lotusvijver", VaktherapieCam, "8075", "2025-06-10", "Zachte en traumasensitieve yoga in Elspeet."),

        // Fysio, sport en revalidatie
        P("vliegende", "Sportvereniging De Vliegende Veluwenaar", FysioSportRevalidatie, "3845", "2024-03-12", "Een sportclub die iedereen laat meedoen, op elk niveau."),
        P("bewegenhelpt", "Fysiotherapie Bewegen Helpt", FysioSportRevalidatie, "3853", "2024-09-17", "Fysiotherapie met aandacht voor pijn, stress en herstel."),
        P("dennenaald", "Wandelclub De Dennenaald", FysioSportRevalidatie, "8071", "2024-06-04", "Wandelgroepen door bos en heide rond Nunspeet, Elspeet en Vierhouten."),
        P("kleinegracht", "Roeiclub De Kleine Gracht", FysioSportRevalidatie, "8081", "2025-03-04", "Roeien in Elburg, ook voor wie het nog nooit deed."),
        P("balans", "Sportcoaches Balans Oldebroek", FysioSportRevalidatie, "8096", "2025-08-26", "Buurtsportcoaches in Oldebroek en Wezep."),
        P("eikel", "Fitness en Fysio De Eikel", FysioSportRevalidatie, "3881", "2024-12-17", "Fitness, fysio en groepslessen in Putten."),

        // Coaching
        P("wegwijzer", "Coachpraktijk Nieuwe Wegwijzer", Coaching, "3847", "2024-10-01", "Coaching bij keuzes over werk, relaties en zingeving."),
        P("opstap", "Jobcoach De Opstap", Coaching, "3852", "2025-02-25", "Jobcoaches die helpen bij (weer) werken, leren en vrijwilligerswerk."),
        P("kompasnaald", "Levenscoach De Kompasnaald", Coaching, "8097", null, "Levenscoaching in Oosterwolde bij Oldebroek."),

        // Systeemtherapie
        P("familiebord", "Gezinspraktijk Het Familiebord", Systeemtherapie, "3846", "2024-04-30", "Gezins- en relatietherapie: samen kijken naar wat er tussen mensen gebeurt."),
        P("hangbrug", "Relatie- en Gezinstherapie De Hangbrug", Systeemtherapie, "8082", "2025-04-15", "Therapie en groepen voor stellen, ouders en gezinnen in Elburg."),
        P("opendialoog", "Netwerkberaad Open Gesprek Veluwe", Systeemtherapie, "3851", "2024-08-27", "Netwerkgesprekken waarin je samen met je eigen mensen zoekt wat nodig is."),

        // GGD en OGGZ
        P("publiek", "Publieke Gezondheid Veluwe-Noordwest", GgdOggz, "3841", "2024-01-16", "Preventie, voorlichting en cursussen over mentale gezondheid voor de hele regio."),
        P("uitgestokenhand", "Bemoeizorgteam De Uitgestoken Hand", GgdOggz, "3843", "2024-07-23", "Bemoeizorg en straatwerk voor mensen die zelf geen hulp vragen."),
        P("warmenest", "Opvang Het Warme Nest", GgdOggz, "8071", "2025-05-27", "Dag- en nachtopvang voor mensen zonder vaste woonplek."),

        // Jeugd
        P("skatebaan", "Jongerenhuis De Skatebaan", Jeugd, "3844", "2024-05-21", "Jongerenwerk in Harderwijk: chillen, praten, huiswerk en groepen."),
        P("kleinestappen", "Jeugdteam Kleine Stappen", Jeugd, "3881", "2024-11-05", "Het jeugdteam voor kinderen, jongeren en ouders in Putten en Ermelo."),
        P("chillruimte", "Jongerenplek De Chillruimte", Jeugd, "8091", "2025-10-21", "Een plek voor jongeren in Wezep en online."),

        // Real national services, listed with their real public contact details.
        Real("113", "113 Zelfmoordpreventie", GgdOggz, "https://www.113.nl", "0800-0113", "De landelijke hulplijn voor wie aan zelfmoord denkt of zich zorgen maakt om een ander."),
        Real("mindkorrelatie", "MIND Korrelatie", ECommunity, "https://www.mindkorrelatie.nl", "0900-1450", "De landelijke hulplijn voor anonieme hulp bij psychische en sociale vragen."),
        Real("luisterlijn", "De Luisterlijn", InformeelPeer, "https://www.deluisterlijn.nl", "088-0767 000", "Landelijke hulplijn met getrainde vrijwilligers die luisteren, dag en nacht."),
        Real("psychosenet", "PsychoseNet", ECommunity, "https://www.psychosenet.nl", null, "Een landelijk online platform over psychose en psychische kwetsbaarheid."),
        Real("proud2bme", "Proud2Bme", ECommunity, "https://www.proud2bme.nl", null, "Een landelijke online community over eten, lichaam en zelfbeeld."),
    ];
}
