"""The fictional demo data itself: organisations, people, networks and the demo logins.

All names are invented. Content (names, descriptions, themes, parts) is Dutch, as a Dutch
network would type it; it is data, not interface text, so it is not translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from accounts.choices import Profession, StudentLevel

from ..choices import NetworkKind, OrganisationKind, Role

DEMO_PASSWORD = "lin-demo-2026"
DEMO_EMAIL_DOMAIN = "demo.example.org"
STAFF_KEY = "beheer"


P = Profession
MBO, HBO, WO = StudentLevel.MBO, StudentLevel.HBO, StudentLevel.WO
MBO_V = "MBO-V (verpleegkunde, niveau 4)"
MBO_VIG = "Verzorgende IG (mbo, niveau 3)"
MBO_SW = "Sociaal werk (mbo, niveau 4)"
HBO_V = "HBO-V (verpleegkunde)"
HBO_SW = "Social Work (hbo)"


# --- the specification -----------------------------------------------------------------


@dataclass(frozen=True)
class OrgSpec:
    key: str
    name: str
    kind: str
    city: str


@dataclass(frozen=True)
class PersonSpec:
    full_name: str
    profession: str
    student_level: str = ""
    programme: str = ""
    language: str = "nl"

    @property
    def key(self) -> str:
        return email_local_part(self.full_name)


@dataclass(frozen=True)
class MemberSpec:
    person: str
    role: str
    organisation: str | None = None
    since_days: int = 400
    # End date relative to today, e.g. the end of an internship (negative: in the past).
    ends_in_days: int | None = None
    # History: the membership was ended this many days ago.
    ended_days_ago: int | None = None

    @property
    def is_open(self) -> bool:
        return self.ended_days_ago is None


@dataclass(frozen=True)
class InvitationSpec:
    email_local: str
    role: str
    organisation: str | None = None
    ends_in_days: int | None = None


@dataclass(frozen=True)
class NetworkSpec:
    key: str
    slug: str
    name: str
    kind: str
    region: str
    description: str
    partners: tuple[tuple[str, str], ...]
    themes: tuple[tuple[str, str], ...]
    members: tuple[MemberSpec, ...]
    invitation: InvitationSpec


def email_local_part(full_name: str) -> str:
    """ "Fatima el Amrani" -> "fatima.el.amrani"."""
    return slugify(full_name).replace("-", ".")


K = OrganisationKind
ORGANISATIONS: tuple[OrgSpec, ...] = (
    # Amsterdam-Oost
    OrgSpec(
        "team-dapperbuurt", "Zorgcollectief Oost – team Dapperbuurt", K.CARE_PROVIDER, "Amsterdam"
    ),
    OrgSpec(
        "team-indische-buurt",
        "Zorgcollectief Oost – team Indische Buurt",
        K.CARE_PROVIDER,
        "Amsterdam",
    ),
    OrgSpec("buurtwerk-oost", "Buurtwerk Oost", K.WELFARE, "Amsterdam"),
    OrgSpec(
        "gemeente-amsterdam", "Gemeente Amsterdam, stadsdeel Oost", K.MUNICIPALITY, "Amsterdam"
    ),
    OrgSpec("gc-oosterpark", "Gezondheidscentrum Oosterpark", K.GP_PRACTICE, "Amsterdam"),
    OrgSpec("roc-amstelstad", "ROC Amstelstad", K.SCHOOL, "Amsterdam"),
    OrgSpec("amstel-hogeschool", "Amstel Hogeschool", K.SCHOOL, "Amsterdam"),
    OrgSpec(
        "lectoraat-wijk",
        "Lectoraat Zorg in de Wijk, Amstel Hogeschool",
        K.KNOWLEDGE_INSTITUTE,
        "Amsterdam",
    ),
    OrgSpec("smaakvol", "Smaakvol Eten B.V.", K.COMPANY, "Ede"),
    # Utrecht
    OrgSpec("huisartsopleiding", "Huisartsopleiding Domstad", K.SCHOOL, "Utrecht"),
    OrgSpec("hap-de-linde", "Huisartsenpraktijk De Linde", K.GP_PRACTICE, "Utrecht"),
    OrgSpec("gc-zuiderpark", "Gezondheidscentrum Zuiderpark", K.GP_PRACTICE, "Utrecht"),
    OrgSpec("zorggroep-vechtstede", "Zorggroep Vechtstede", K.CARE_PROVIDER, "Utrecht"),
    OrgSpec("sociaal-team-vechtzijde", "Sociaal Team Vechtzijde", K.WELFARE, "Utrecht"),
    OrgSpec("gemeente-utrecht", "Gemeente Utrecht", K.MUNICIPALITY, "Utrecht"),
    OrgSpec("hogeschool-domstad", "Hogeschool Domstad", K.SCHOOL, "Utrecht"),
    OrgSpec(
        "kenniscentrum-huisartsgeneeskunde",
        "Kenniscentrum Huisartsgeneeskunde Domstad",
        K.KNOWLEDGE_INSTITUTE,
        "Utrecht",
    ),
    # Leiden / Den Haag
    OrgSpec("roc-leidse-waard", "ROC Leidse Waard", K.SCHOOL, "Leiden"),
    OrgSpec("hs-duin-en-rijn", "Hogeschool Duin en Rijn", K.SCHOOL, "Den Haag"),
    OrgSpec("zorggroep-rijnduin", "Zorggroep Rijnduin", K.CARE_PROVIDER, "Leiden"),
    OrgSpec("ergotherapie-rijnland", "Ergotherapie Rijnland", K.CARE_PROVIDER, "Leiden"),
    OrgSpec("buurtkracht", "Buurtkracht Den Haag", K.WELFARE, "Den Haag"),
    OrgSpec("gemeente-leiden", "Gemeente Leiden", K.MUNICIPALITY, "Leiden"),
    # Apeldoorn
    OrgSpec("de-hofstede", "Zorgcentrum De Hofstede", K.CARE_PROVIDER, "Apeldoorn"),
    OrgSpec("roc-hanzestad", "ROC Hanzestad", K.SCHOOL, "Apeldoorn"),
    OrgSpec("hs-ijsselvallei", "Hogeschool IJsselvallei", K.SCHOOL, "Deventer"),
    OrgSpec("welzijn-apelstad", "Stichting Welzijn Apelstad", K.WELFARE, "Apeldoorn"),
    OrgSpec("gemeente-apeldoorn", "Gemeente Apeldoorn", K.MUNICIPALITY, "Apeldoorn"),
    # Rotterdam
    OrgSpec("tarwekorrel", "Buurthuis De Tarwekorrel", K.WELFARE, "Rotterdam"),
    OrgSpec("thuiszorg-maasoever", "Thuiszorg Maasoever", K.CARE_PROVIDER, "Rotterdam"),
    OrgSpec("hap-maashaven", "Huisartsenpraktijk Maashaven", K.GP_PRACTICE, "Rotterdam"),
    OrgSpec(
        "wijkteam-feijenoord",
        "Gemeente Rotterdam, wijkteam Feijenoord",
        K.MUNICIPALITY,
        "Rotterdam",
    ),
    OrgSpec("hs-maasstad", "Hogeschool Maasstad", K.SCHOOL, "Rotterdam"),
    OrgSpec("roc-zuiderhaven", "ROC Zuiderhaven", K.SCHOOL, "Rotterdam"),
    OrgSpec(
        "lectoraat-eenzaamheid",
        "Lectoraat Eenzaamheid en Zorg, Hogeschool Maasstad",
        K.KNOWLEDGE_INSTITUTE,
        "Rotterdam",
    ),
)

PEOPLE: tuple[PersonSpec, ...] = (
    # Amsterdam-Oost
    PersonSpec("Fatima el Amrani", P.DISTRICT_NURSE),
    PersonSpec("Joost de Vries", P.DISTRICT_NURSE),
    PersonSpec("Marieke Hoogland", P.TEACHER),
    PersonSpec("Ricardo Tjon A Joe", P.TEACHER),
    PersonSpec("Priya Ramdin", P.NURSING_STUDENT, HBO, HBO_V),
    PersonSpec("Daan Visser", P.NURSING_STUDENT, MBO, MBO_V),
    PersonSpec("Yasmina Bouzid", P.SOCIAL_WORK_STUDENT, HBO, HBO_SW),
    PersonSpec("Lotte Mulder", P.SOCIAL_WORK_STUDENT, MBO, MBO_SW),
    PersonSpec("Sanne Bakker", P.DISTRICT_NURSE),
    PersonSpec("Kevin Ooms", P.CARER),
    PersonSpec("Esther Groen", P.GP),
    PersonSpec("Mohamed Azzouz", P.PRACTICE_NURSE),
    PersonSpec("Ilse van Dijk", P.DIETITIAN),
    PersonSpec("Karim Ouali", P.SOCIAL_WORKER),
    PersonSpec("Annelies Kok", P.MUNICIPAL_CONSULTANT),
    PersonSpec("Tim de Graaf", P.WELFARE_WORKER),
    PersonSpec("Wim Schouten", P.EXPERT_BY_EXPERIENCE),
    PersonSpec("Truus Verhoeven", P.VOLUNTEER),
    PersonSpec("Hanneke Verbeek", P.RESEARCHER),
    PersonSpec("Laura Hendriks", P.OTHER),
    PersonSpec("Gerrit Postma", P.DISTRICT_NURSE),
    # Utrecht
    PersonSpec("Anouk van Leeuwen", P.TEACHER),
    PersonSpec("Jeroen Kuipers", P.GP),
    PersonSpec("Femke Dekker", P.TEACHER),
    PersonSpec("Thomas Brouwer", P.GP_TRAINEE, WO, "Huisartsopleiding (AIOS, jaar 1)"),
    PersonSpec("Aisha Mahabier", P.GP_TRAINEE, WO, "Huisartsopleiding (AIOS, jaar 3)"),
    PersonSpec("Lars Willems", P.GP_TRAINEE, WO, "Huisartsopleiding (AIOS, jaar 2)"),
    PersonSpec("Chayenne Pinas", P.NURSING_STUDENT, HBO, HBO_V),
    PersonSpec("Sem Hoekstra", P.SOCIAL_WORK_STUDENT, HBO, HBO_SW),
    PersonSpec("Rianne Bosman", P.PRACTICE_NURSE),
    PersonSpec("Erik Jansen", P.ELDERLY_CARE_PHYSICIAN),
    PersonSpec("Nadia Chaouch", P.SOCIAL_WORKER),
    PersonSpec("Marco Vermeulen", P.MUNICIPAL_CONSULTANT),
    PersonSpec("Joyce Koster", P.CASE_MANAGER),
    PersonSpec("Henk de Boer", P.EXPERT_BY_EXPERIENCE),
    PersonSpec("Sophie Wijnands", P.RESEARCHER),
    PersonSpec("Bram Peeters", P.GP),
    # Leiden / Den Haag
    PersonSpec("Ingrid Smit", P.TEACHER),
    PersonSpec("Hamid Benali", P.DISTRICT_NURSE),
    PersonSpec("Petra van der Meer", P.TEACHER),
    PersonSpec("Youssef Haddou", P.TEACHER),
    PersonSpec("Emma de Jong", P.NURSING_STUDENT, MBO, MBO_V),
    PersonSpec("Jayden Kartosen", P.NURSING_STUDENT, MBO, MBO_VIG),
    PersonSpec("Sophie Vos", P.NURSING_STUDENT, HBO, HBO_V),
    PersonSpec("Zeynep Yilmaz", P.SOCIAL_WORK_STUDENT, HBO, HBO_SW),
    PersonSpec("Mees van den Berg", P.SOCIAL_WORK_STUDENT, HBO, HBO_SW),
    PersonSpec("Kimberley Sedney", P.SOCIAL_WORK_STUDENT, MBO, MBO_SW),
    PersonSpec("Marloes Bos", P.DISTRICT_NURSE),
    PersonSpec("Gerda Vink", P.CARER),
    PersonSpec("Rachid el Idrissi", P.SOCIAL_WORKER),
    PersonSpec("Linda Meijer", P.WELFARE_WORKER),
    PersonSpec("Stefan Huisman", P.MUNICIPAL_CONSULTANT),
    PersonSpec("Noor Hamdan", P.OCCUPATIONAL_THERAPIST),
    PersonSpec("Corrie Blom", P.EXPERT_BY_EXPERIENCE),
    PersonSpec("Floor van Es", P.NURSING_STUDENT, MBO, MBO_V),
    # Apeldoorn
    PersonSpec("Miriam Dijkstra", P.NURSE),
    PersonSpec("Arjen Bosch", P.TEACHER),
    PersonSpec("Saskia Verbruggen", P.TEACHER),
    PersonSpec("Fleur Koopman", P.NURSING_STUDENT, MBO, MBO_V),
    PersonSpec("Bilal Erdem", P.NURSING_STUDENT, MBO, MBO_VIG),
    PersonSpec("Julia Schipper", P.NURSING_STUDENT, HBO, HBO_V),
    PersonSpec("Ayoub Tahiri", P.PHYSIOTHERAPIST, HBO, "Fysiotherapie (hbo)"),
    PersonSpec("Pieter van Rijn", P.ELDERLY_CARE_PHYSICIAN),
    PersonSpec("Evelien Maas", P.PHYSIOTHERAPIST),
    PersonSpec("Rik Jacobs", P.OCCUPATIONAL_THERAPIST),
    PersonSpec("Ilona Verschuren", P.DIETITIAN),
    PersonSpec("Wilma Kamphuis", P.CARER),
    PersonSpec("Hatice Kaya", P.NURSE),
    PersonSpec("Sander Wouters", P.SOCIAL_WORKER),
    PersonSpec("Jolanda Brink", P.MUNICIPAL_CONSULTANT),
    PersonSpec("Ton Hermans", P.EXPERT_BY_EXPERIENCE),
    PersonSpec("Riet Lammers", P.VOLUNTEER),
    PersonSpec("Ana Sousa", P.RESEARCHER, language="en"),
    PersonSpec("Dirk van Wijk", P.CARER),
    # Rotterdam
    PersonSpec("Mariska Hoek", P.WELFARE_WORKER),
    PersonSpec("Kees Zwart", P.TEACHER),
    PersonSpec("Dewi Pattiasina", P.SOCIAL_WORK_STUDENT, HBO, HBO_SW),
    PersonSpec("Ryan Soekhoe", P.NURSING_STUDENT, MBO, MBO_V),
    PersonSpec("Angela Rozendaal", P.DISTRICT_NURSE),
    PersonSpec("Osman Demir", P.GP),
    PersonSpec("Samira Ait Said", P.SOCIAL_WORKER),
    PersonSpec("Ellen de Wit", P.MUNICIPAL_CONSULTANT),
    PersonSpec("Johan Brinkman", P.WELFARE_WORKER),
    PersonSpec("Gerard Kramer", P.EXPERT_BY_EXPERIENCE),
    PersonSpec("Bep van Vliet", P.RESIDENT),
    PersonSpec("Ahmed Benhaddou", P.VOLUNTEER),
    PersonSpec("Marja Timmer", P.INFORMAL_CARER),
    PersonSpec("Tessa Vermeer", P.RESEARCHER),
    PersonSpec("Renate Polak", P.OTHER),
    PersonSpec("Henny de Bruin", P.VOLUNTEER),
)

STAFF = PersonSpec("Vera Admiraal", P.OTHER)

R = Role
M = MemberSpec


def _student(person: str, organisation: str, ends_in_days: int = 120, since_days: int = 60):
    return M(person, R.STUDENT, organisation, since_days=since_days, ends_in_days=ends_in_days)


NETWORKS: tuple[NetworkSpec, ...] = (
    NetworkSpec(
        key="amsterdam-oost",
        slug="lin-wijkzorg-amsterdam-oost",
        name="LIN Wijkzorg Amsterdam-Oost",
        kind=NetworkKind.DISTRICT_TEAM,
        region="Amsterdam-Oost",
        description=(
            "De wijkverpleegteams Dapperbuurt en Indische Buurt leren samen met studenten, "
            "de huisartsen, het buurtwerk en de gemeente. Elke maand een LIN-bijeenkomst, "
            "afwisselend intervisie en een klinische les van een student-professionalkoppel."
        ),
        partners=(
            ("team-dapperbuurt", "Wijkverpleegteam; levert stageplaatsen en host de bijeenkomsten"),
            ("team-indische-buurt", "Wijkverpleegteam; levert stageplaatsen"),
            ("gc-oosterpark", "Huisartsen en POH ouderen; casuïstiek en meeloopdagen"),
            ("buurtwerk-oost", "Welzijnswerk; vrijwilligers en eenzaamheidsaanpak"),
            ("gemeente-amsterdam", "Wmo-consulenten; brug naar het sociaal domein"),
            ("roc-amstelstad", "MBO-V en mbo sociaal werk; docenten en studenten"),
            ("amstel-hogeschool", "HBO-V en Social Work; docenten en studenten"),
            ("lectoraat-wijk", "Onderzoekspartner; nulmeting en evaluatie"),
            ("smaakvol", "Voedingsbedrijf; eiwitverrijkte maaltijden in het thema ondervoeding"),
        ),
        themes=(
            ("Ondervoeding", "Ondervoeding bij thuiswonende ouderen vroeg signaleren."),
            ("Valpreventie", "Vallen voorkomen met huisbezoek, beweging en medicatiecheck."),
            ("Eenzaamheid", "Eenzaamheid herkennen en samen met het buurtwerk aanpakken."),
            ("Mantelzorg", "Mantelzorgers ontlasten en overbelasting op tijd zien."),
            ("Samen beslissen", "Gedeelde besluitvorming met cliënt en naasten."),
        ),
        members=(
            M("fatima.el.amrani", R.COORDINATOR, "team-dapperbuurt", since_days=700),
            M("joost.de.vries", R.COORDINATOR, "team-indische-buurt", since_days=650),
            M("marieke.hoogland", R.TEACHER, "roc-amstelstad", since_days=500),
            M("ricardo.tjon.a.joe", R.TEACHER, "amstel-hogeschool", since_days=300),
            _student("priya.ramdin", "amstel-hogeschool", ends_in_days=140),
            _student("daan.visser", "roc-amstelstad", ends_in_days=90),
            _student("yasmina.bouzid", "amstel-hogeschool", ends_in_days=140),
            _student("lotte.mulder", "roc-amstelstad", ends_in_days=90),
            # Sanne did her HBO-V internship here and stayed as a district nurse.
            M("sanne.bakker", R.STUDENT, "amstel-hogeschool", 600, -230, ended_days_ago=230),
            M("sanne.bakker", R.PROFESSIONAL, "team-indische-buurt", since_days=229),
            M("kevin.ooms", R.PROFESSIONAL, "team-dapperbuurt"),
            M("esther.groen", R.PROFESSIONAL, "gc-oosterpark"),
            M("mohamed.azzouz", R.PROFESSIONAL, "gc-oosterpark"),
            M("ilse.van.dijk", R.PROFESSIONAL, "gc-oosterpark", since_days=200),
            M("karim.ouali", R.PROFESSIONAL, "buurtwerk-oost"),
            M("annelies.kok", R.PROFESSIONAL, "gemeente-amsterdam"),
            M("tim.de.graaf", R.PROFESSIONAL, "buurtwerk-oost", since_days=150),
            M("wim.schouten", R.EXPERT_BY_EXPERIENCE),
            M("truus.verhoeven", R.RESIDENT, "buurtwerk-oost"),
            M("hanneke.verbeek", R.RESEARCHER, "lectoraat-wijk"),
            M("laura.hendriks", R.GUEST, "smaakvol", since_days=30),
            # The first coordinator, who left for another job.
            M("gerrit.postma", R.COORDINATOR, "team-dapperbuurt", 900, ended_days_ago=300),
        ),
        invitation=InvitationSpec("noor.aydin", R.STUDENT, "roc-amstelstad", ends_in_days=150),
    ),
    NetworkSpec(
        key="aios-utrecht",
        slug="leergemeenschap-aios-utrecht",
        name="Leergemeenschap Huisartsen in Opleiding Utrecht",
        kind=NetworkKind.LEARNING_COMMUNITY,
        region="Utrecht",
        description=(
            "Huisartsen in opleiding leren met POH's, de specialist ouderengeneeskunde en het "
            "sociaal team hoe zorg voor kwetsbare ouderen thuis samenhangt. Casuïstiek uit de "
            "eigen praktijk, meelopen in het sociaal domein."
        ),
        partners=(
            ("huisartsopleiding", "Huisartsopleiding; AIOS en huisartsopleiders"),
            ("hap-de-linde", "Opleidingspraktijk"),
            ("gc-zuiderpark", "Opleidingspraktijk met POH ouderen"),
            ("zorggroep-vechtstede", "Specialist ouderengeneeskunde voor consultatie"),
            ("sociaal-team-vechtzijde", "Sociaal team; meeloopdagen voor AIOS"),
            ("gemeente-utrecht", "Wmo-consulenten"),
            ("hogeschool-domstad", "HBO-V en Social Work; stagiairs in de praktijken"),
            ("kenniscentrum-huisartsgeneeskunde", "Onderzoek naar interprofessioneel leren"),
        ),
        themes=(
            ("Samen beslissen", "Samen met de oudere en naasten kiezen: wat is belangrijk?"),
            ("Medicatieveiligheid", "Polyfarmacie en medicatiebeoordeling bij kwetsbare ouderen."),
            ("Dementie", "Signaleren, diagnose en ondersteuning thuis."),
            ("Mantelzorg", "De mantelzorger als partner en als cliënt."),
        ),
        members=(
            M("anouk.van.leeuwen", R.COORDINATOR, "huisartsopleiding", since_days=800),
            # The AIOS' huisartsopleider: his membership names their school, the
            # huisartsopleiding, so he follows their logbooks (a teacher teaches the
            # students of his own school only).
            M("jeroen.kuipers", R.TEACHER, "huisartsopleiding", since_days=800),
            M("femke.dekker", R.TEACHER, "hogeschool-domstad"),
            _student("thomas.brouwer", "huisartsopleiding", ends_in_days=300, since_days=60),
            _student("aisha.mahabier", "huisartsopleiding", ends_in_days=200, since_days=700),
            _student("lars.willems", "huisartsopleiding", ends_in_days=250, since_days=400),
            _student("chayenne.pinas", "hogeschool-domstad"),
            _student("sem.hoekstra", "hogeschool-domstad"),
            M("rianne.bosman", R.PROFESSIONAL, "gc-zuiderpark"),
            M("erik.jansen", R.PROFESSIONAL, "zorggroep-vechtstede"),
            M("nadia.chaouch", R.PROFESSIONAL, "sociaal-team-vechtzijde"),
            M("marco.vermeulen", R.PROFESSIONAL, "gemeente-utrecht"),
            M("joyce.koster", R.PROFESSIONAL, "sociaal-team-vechtzijde"),
            M("henk.de.boer", R.EXPERT_BY_EXPERIENCE),
            M("sophie.wijnands", R.RESEARCHER, "kenniscentrum-huisartsgeneeskunde"),
            # Last year's trainee, now a GP: history of the training year.
            M("bram.peeters", R.STUDENT, "huisartsopleiding", 1000, -100, ended_days_ago=100),
        ),
        invitation=InvitationSpec(
            "jesse.van.dam", R.STUDENT, "huisartsopleiding", ends_in_days=365
        ),
    ),
    NetworkSpec(
        key="leiden-den-haag",
        slug="leerwerkplaats-leiden-den-haag",
        name="Leerwerkplaats Zorg en Welzijn Leiden–Den Haag",
        kind=NetworkKind.LEARNING_COMMUNITY,
        region="Leiden en Den Haag",
        description=(
            "Studenten MBO-V, HBO-V en sociaal werk lopen samen stage in de wijk en werken in "
            "koppels aan complexe casuïstiek, begeleid door hun docenten en professionals van "
            "zorg en welzijn."
        ),
        partners=(
            ("roc-leidse-waard", "MBO-V, verzorgende IG en mbo sociaal werk"),
            ("hs-duin-en-rijn", "HBO-V en Social Work; coördinatie"),
            ("zorggroep-rijnduin", "Wijkverpleging; stageplaatsen"),
            ("ergotherapie-rijnland", "Ergotherapie; meeloopdagen"),
            ("buurtkracht", "Welzijnswerk; stageplaatsen sociaal werk"),
            ("gemeente-leiden", "Wmo-consulenten; gastlessen"),
        ),
        themes=(
            ("Eenzaamheid", "Eenzaamheid bij ouderen in de wijk: signaleren en verbinden."),
            ("Dementie", "Leven met dementie thuis, en wat de buurt kan doen."),
            ("Mantelzorg", "Jonge en oudere mantelzorgers ondersteunen."),
            ("Valpreventie", "Woningaanpassing en beweging om vallen te voorkomen."),
            ("Samen beslissen", "Het gesprek over wat er voor de cliënt toe doet."),
        ),
        members=(
            M("ingrid.smit", R.COORDINATOR, "hs-duin-en-rijn", since_days=600),
            M("hamid.benali", R.COORDINATOR, "zorggroep-rijnduin", since_days=400),
            M("petra.van.der.meer", R.TEACHER, "roc-leidse-waard"),
            M("youssef.haddou", R.TEACHER, "hs-duin-en-rijn"),
            _student("emma.de.jong", "roc-leidse-waard", ends_in_days=100),
            _student("jayden.kartosen", "roc-leidse-waard", ends_in_days=100),
            _student("sophie.vos", "hs-duin-en-rijn", ends_in_days=150),
            _student("zeynep.yilmaz", "hs-duin-en-rijn", ends_in_days=150),
            _student("mees.van.den.berg", "hs-duin-en-rijn", ends_in_days=150),
            _student("kimberley.sedney", "roc-leidse-waard", ends_in_days=100),
            M("marloes.bos", R.PROFESSIONAL, "zorggroep-rijnduin"),
            M("gerda.vink", R.PROFESSIONAL, "zorggroep-rijnduin"),
            M("rachid.el.idrissi", R.PROFESSIONAL, "buurtkracht"),
            M("linda.meijer", R.PROFESSIONAL, "buurtkracht"),
            M("stefan.huisman", R.PROFESSIONAL, "gemeente-leiden"),
            M("noor.hamdan", R.PROFESSIONAL, "ergotherapie-rijnland"),
            M("corrie.blom", R.EXPERT_BY_EXPERIENCE),
            # A student of the previous cohort.
            M("floor.van.es", R.STUDENT, "roc-leidse-waard", 400, -170, ended_days_ago=170),
        ),
        invitation=InvitationSpec("bas.de.ruiter", R.PROFESSIONAL, "buurtkracht"),
    ),
    NetworkSpec(
        key="hofstede",
        slug="lin-grz-de-hofstede",
        name="LIN Geriatrische Revalidatie De Hofstede",
        kind=NetworkKind.NURSING_HOME,
        region="Apeldoorn",
        description=(
            "Interprofessioneel leren op de afdeling geriatrische revalidatie: verpleging, "
            "specialist ouderengeneeskunde, fysio- en ergotherapie, diëtetiek en "
            "maatschappelijk werk werken met studenten aan een veilige terugkeer naar huis. "
            "Met het themaproject PLINT Ondervoeding."
        ),
        partners=(
            ("de-hofstede", "Verpleeghuis met GRZ-afdeling; host en stageplaatsen"),
            ("roc-hanzestad", "MBO-V en verzorgende IG"),
            ("hs-ijsselvallei", "HBO-V en fysiotherapie"),
            ("welzijn-apelstad", "Welzijn; ondersteuning na ontslag naar huis"),
            ("gemeente-apeldoorn", "Wmo; hulpmiddelen en woningaanpassing"),
            ("lectoraat-wijk", "PLINT Ondervoeding: promotietraject en evaluatie"),
            ("smaakvol", "PLINT Ondervoeding: eiwitrijke tussendoortjes met bewoners"),
        ),
        themes=(
            (
                "Ondervoeding",
                "PLINT Ondervoeding: twee jaar ondervoeding voorkomen, "
                "met partners uit de voedingssector.",
            ),
            ("Valpreventie", "Veilig bewegen tijdens en na de revalidatie."),
            ("Medicatieveiligheid", "Medicatieoverdracht bij opname en ontslag."),
            ("Samen beslissen", "Revalidatiedoelen samen met revalidant en mantelzorger."),
            ("Terug naar huis", "Ontslag naar huis voorbereiden met wijkverpleging en Wmo."),
        ),
        members=(
            M("miriam.dijkstra", R.COORDINATOR, "de-hofstede", since_days=900),
            M("arjen.bosch", R.TEACHER, "roc-hanzestad"),
            M("saskia.verbruggen", R.TEACHER, "hs-ijsselvallei"),
            _student("fleur.koopman", "roc-hanzestad", ends_in_days=80),
            _student("bilal.erdem", "roc-hanzestad", ends_in_days=80),
            _student("julia.schipper", "hs-ijsselvallei", ends_in_days=130),
            _student("ayoub.tahiri", "hs-ijsselvallei", ends_in_days=130),
            M("pieter.van.rijn", R.PROFESSIONAL, "de-hofstede"),
            M("evelien.maas", R.PROFESSIONAL, "de-hofstede"),
            M("rik.jacobs", R.PROFESSIONAL, "de-hofstede"),
            M("ilona.verschuren", R.PROFESSIONAL, "de-hofstede"),
            M("wilma.kamphuis", R.PROFESSIONAL, "de-hofstede"),
            M("hatice.kaya", R.PROFESSIONAL, "de-hofstede"),
            M("sander.wouters", R.PROFESSIONAL, "de-hofstede"),
            M("jolanda.brink", R.PROFESSIONAL, "gemeente-apeldoorn"),
            M("ton.hermans", R.EXPERT_BY_EXPERIENCE),
            M("riet.lammers", R.RESIDENT, "de-hofstede"),
            M("hanneke.verbeek", R.RESEARCHER, "lectoraat-wijk"),
            M("ana.sousa", R.RESEARCHER, "lectoraat-wijk", since_days=300),
            M("laura.hendriks", R.GUEST, "smaakvol", since_days=120),
            M("dirk.van.wijk", R.PROFESSIONAL, "de-hofstede", 1200, ended_days_ago=90),
        ),
        invitation=InvitationSpec("monique.arts", R.TEACHER, "hs-ijsselvallei"),
    ),
    NetworkSpec(
        key="tarwewijk",
        slug="buurtnetwerk-tarwewijk",
        name="Buurtnetwerk Tarwewijk",
        kind=NetworkKind.NEIGHBOURHOOD,
        region="Rotterdam-Zuid, Tarwewijk",
        description=(
            "Bewoners, vrijwilligers, mantelzorgers en professionals uit zorg en welzijn "
            "zoeken samen naar wat ouderen in de Tarwewijk helpt om thuis te blijven wonen. "
            "De bijeenkomsten zijn in het buurthuis."
        ),
        partners=(
            ("tarwekorrel", "Buurthuis; host en vrijwilligers"),
            ("thuiszorg-maasoever", "Wijkverpleging"),
            ("hap-maashaven", "Huisartsenpraktijk"),
            ("wijkteam-feijenoord", "Wijkteam en Wmo"),
            ("hs-maasstad", "Social Work; stagiairs"),
            ("roc-zuiderhaven", "MBO-V; stagiairs"),
            ("lectoraat-eenzaamheid", "Onderzoek naar eenzaamheid en buurtnetwerken"),
        ),
        themes=(
            ("Eenzaamheid", "Wie komt er nooit meer buiten? Samen ontmoeting organiseren."),
            ("Mantelzorg", "Een mantelzorgcafé in het buurthuis."),
            ("Dementie", "Een dementievriendelijke buurt."),
            ("Valpreventie", "Beweeggroep en een veilige woning."),
            ("Ondervoeding", "Samen eten tegen ondervoeding en eenzaamheid."),
        ),
        members=(
            M("mariska.hoek", R.COORDINATOR, "tarwekorrel", since_days=500),
            M("kees.zwart", R.TEACHER, "hs-maasstad"),
            _student("dewi.pattiasina", "hs-maasstad", ends_in_days=110),
            _student("ryan.soekhoe", "roc-zuiderhaven", ends_in_days=70),
            M("angela.rozendaal", R.PROFESSIONAL, "thuiszorg-maasoever"),
            M("osman.demir", R.PROFESSIONAL, "hap-maashaven"),
            M("samira.ait.said", R.PROFESSIONAL, "wijkteam-feijenoord"),
            M("ellen.de.wit", R.PROFESSIONAL, "wijkteam-feijenoord"),
            M("johan.brinkman", R.PROFESSIONAL, "tarwekorrel"),
            M("gerard.kramer", R.EXPERT_BY_EXPERIENCE),
            M("bep.van.vliet", R.RESIDENT),
            M("ahmed.benhaddou", R.RESIDENT, "tarwekorrel"),
            M("marja.timmer", R.RESIDENT),
            M("tessa.vermeer", R.RESEARCHER, "lectoraat-eenzaamheid"),
            M("renate.polak", R.GUEST, since_days=20),
            M("henny.de.bruin", R.RESIDENT, "tarwekorrel", 700, ended_days_ago=60),
        ),
        invitation=InvitationSpec("fenna.smits", R.RESIDENT),
    ),
)

# One demo login per role, all in LIN Wijkzorg Amsterdam-Oost so that a demo tells one story.
DEMO_LOGINS: tuple[tuple[str, str], ...] = (
    (Role.COORDINATOR, "fatima.el.amrani"),
    (Role.TEACHER, "marieke.hoogland"),
    (Role.STUDENT, "priya.ramdin"),
    (Role.PROFESSIONAL, "sanne.bakker"),
    (Role.EXPERT_BY_EXPERIENCE, "wim.schouten"),
    (Role.RESIDENT, "truus.verhoeven"),
    (Role.RESEARCHER, "hanneke.verbeek"),
    (Role.GUEST, "laura.hendriks"),
)


def demo_email(person_key: str) -> str:
    return f"{person_key}@{DEMO_EMAIL_DOMAIN}"


STAFF_EMAIL = demo_email(STAFF_KEY)


# --- names of copies ---------------------------------------------------------------------

_FIRST_NAMES = tuple(dict.fromkeys(p.full_name.split(" ", 1)[0] for p in PEOPLE))
_SURNAMES = tuple(dict.fromkeys(p.full_name.split(" ", 1)[1] for p in PEOPLE))
_PERSON_INDEX = {p.key: i for i, p in enumerate(PEOPLE)}


def copy_name(name: str, copy: int) -> str:
    return name if copy == 1 else f"{name} ({copy})"


def copy_person(spec: PersonSpec, copy: int) -> tuple[str, str]:
    """Full name and e-mail of ``spec`` in ``copy``: copy 1 is the spec itself, later
    copies get other (generated) names and an address that no other person shares."""
    if copy == 1:
        return spec.full_name, demo_email(spec.key)
    i = _PERSON_INDEX[spec.key]
    full_name = (
        f"{_FIRST_NAMES[(i + 7 * copy) % len(_FIRST_NAMES)]} "
        f"{_SURNAMES[(3 * i + 11 * copy) % len(_SURNAMES)]}"
    )
    return full_name, demo_email(f"{email_local_part(full_name)}.{copy}.{i}")


def copy_invitation_email(spec: InvitationSpec, copy: int) -> str:
    local = spec.email_local if copy == 1 else f"{spec.email_local}.{copy}"
    return demo_email(local)
