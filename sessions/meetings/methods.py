"""The method scripts of LIN meetings, as data.

Each meeting format carries one or more methods; a method is an ordered list of steps with a
title, guidance for the facilitator, suggested minutes, and the fields of the structured
record that the note-taker fills in during that step. The scripts follow the methods as
they are taught in Dutch care and welfare practice:

- intervisie: the incident method of Hendriksen ("Intervisie bij werkproblemen"), ten rounds;
  the Nijmegen method (below) for a moral question; the gossip method (roddelmethode), in
  which the case-bringer listens with their back to the group; and the Balint method, on
  the relationship between professional and client;
- moreel beraad: the Nijmegen method (Steinkamp & Gordijn), four phases with their
  questions; and the dilemma method (Molewijk, Stolper et al., VUmc), ten steps;
- klinische les: a lesson presented by a student–professional pair;
- casuïstiekbespreking: a methodical case discussion across domains;
- gastspreker, themabijeenkomst, leerlab, uitwisseling: simpler scripts.

Record fields are keyed per method (``field.key`` is unique within a method), so that a
record keeps its notes per method even when the facilitator switches method.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .choices import MeetingFormat, MeetingRoleKind


@dataclass(frozen=True)
class RecordField:
    key: str
    label: Promise
    help: Promise | str = ""


@dataclass(frozen=True)
class Step:
    key: str
    title: Promise
    guidance: Promise
    minutes: int
    fields: tuple[RecordField, ...] = ()


@dataclass(frozen=True)
class Method:
    key: str
    name: Promise
    summary: Promise
    # The roles (besides facilitator) this method asks for, in MeetingRoleKind values.
    roles: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)

    @property
    def fields(self) -> list[RecordField]:
        return [field for step in self.steps for field in step.fields]

    @property
    def field_keys(self) -> set[str]:
        return {field.key for field in self.fields}


F = RecordField
CASE_BRINGER = MeetingRoleKind.CASE_BRINGER.value
NOTE_TAKER = MeetingRoleKind.NOTE_TAKER.value
PRESENTER = MeetingRoleKind.PRESENTER.value

INCIDENT_METHOD = Method(
    key="incident",
    name=_("Incident method (Hendriksen)"),
    summary=_(
        "Ten rounds around one incident from the work of a participant: the group first "
        "gathers facts, decides for itself what it would do, and only then hears what the "
        "case-bringer actually did."
    ),
    roles=(CASE_BRINGER, NOTE_TAKER),
    steps=(
        Step(
            "choose",
            _("Choosing the incident"),
            _(
                "Each participant briefly names an incident: a short, concrete situation from "
                "their own work in which they had to act and did not know right away how. The "
                "group chooses one; whoever brought it is the case-bringer."
            ),
            10,
            (F("incident", _("The chosen incident, in one sentence")),),
        ),
        Step(
            "sketch",
            _("The case-bringer sketches the situation"),
            _(
                "The case-bringer tells the incident up to the moment a decision had to be "
                "made, without telling what they did. The others listen and do not ask yet."
            ),
            5,
            (F("situation", _("The situation up to the moment of decision")),),
        ),
        Step(
            "note_questions",
            _("Writing down questions for information"),
            _(
                "Each participant writes down the questions they need answered to be able to "
                "decide what they would do in the case-bringer's place."
            ),
            5,
        ),
        Step(
            "information",
            _("Information round"),
            _(
                "Participants ask their questions one by one; the case-bringer answers briefly "
                "and factually. Only questions for information: no advice, no opinions, no "
                "hidden suggestions."
            ),
            15,
            (F("facts", _("Facts that came to light")),),
        ),
        Step(
            "analysis",
            _("Analysing the situation"),
            _(
                "The group names what the situation is about: what is the core of the problem, "
                "what plays a part, which decision has to be taken?"
            ),
            10,
            (F("core", _("The core of the problem")),),
        ),
        Step(
            "written_position",
            _("Written position"),
            _(
                "Each participant writes down, on their own, what they would do at that moment "
                "in the case-bringer's place, and why."
            ),
            5,
        ),
        Step(
            "positions",
            _("The positions"),
            _(
                "One by one the participants read out what they would do and explain it. The "
                "facilitator makes the differences visible; the case-bringer only listens."
            ),
            15,
            (F("positions", _("What the participants would do, and why")),),
        ),
        Step(
            "actual",
            _("What the case-bringer did"),
            _(
                "The case-bringer tells what they actually did and how it turned out, and "
                "reacts to the positions of the group."
            ),
            5,
            (F("actual", _("What the case-bringer actually did")),),
        ),
        Step(
            "closing_discussion",
            _("Closing discussion"),
            _(
                "What can we learn from this incident? Which principles or approaches help in "
                "similar situations? The case-bringer says which advice they take along."
            ),
            10,
            (
                F("lessons", _("What we learn from it")),
                F("advice", _("Advice the case-bringer takes along")),
            ),
        ),
        Step(
            "evaluation",
            _("Evaluation"),
            _(
                "How did the method go, how did we work together, and what do we do "
                "differently next time?"
            ),
            5,
            (F("evaluation", _("Evaluation of the meeting")),),
        ),
    ),
)

NIJMEGEN_METHOD = Method(
    key="nijmegen",
    name=_("Nijmegen method"),
    summary=_(
        "Four phases that lead from a concrete moral problem, through the facts and the "
        "moral aspects, to a decision the team can account for."
    ),
    roles=(CASE_BRINGER, NOTE_TAKER),
    steps=(
        Step(
            "problem",
            _("The moral problem"),
            _(
                "The case-bringer presents the case. What is the moral problem? Formulate it "
                "as concretely as possible, as a question: should we … or …? What is everyone's "
                "first impression?"
            ),
            10,
            (F("moral_question", _("The moral question")),),
        ),
        Step(
            "facts",
            _("The facts"),
            _(
                "Medical and nursing: diagnosis, prognosis, treatment and care options, their "
                "chances and burdens; what can the client still do? Worldview and social: what "
                "do we know of the client's values, wishes and network? Organisational: who is "
                "involved, who decides, which agreements and legal frameworks apply? Which facts "
                "are still missing?"
            ),
            25,
            (
                F("facts_care", _("Medical and nursing facts")),
                F("facts_social", _("The client's values, wishes and social network")),
                F("facts_organisation", _("Organisational and legal facts")),
            ),
        ),
        Step(
            "moral_aspects",
            _("The moral aspects"),
            _(
                "Well-being: what serves the client's well-being, what harm can be avoided? "
                "Autonomy: what does the client know and want, can they decide for themselves, "
                "how do we respect it? Responsibility: what are the responsibilities of the "
                "professionals, the family and others involved, and what do professional "
                "standards say? Which values and norms are at stake, for whom?"
            ),
            25,
            (
                F("perspectives", _("The perspectives of those involved")),
                F("values", _("Values at stake: well-being, autonomy, responsibility")),
            ),
        ),
        Step(
            "decision",
            _("The decision"),
            _(
                "Can we now answer the moral question? What is our decision, with which "
                "arguments, and what do we give up by it? Which actions follow, who does what, "
                "and when do we look back?"
            ),
            20,
            (
                F("decision", _("The decision and its main arguments")),
                F("open_points", _("Open questions and missing facts")),
            ),
        ),
    ),
)

GOSSIP_METHOD = Method(
    key="gossip",
    name=_("Gossip method (roddelmethode)"),
    summary=_(
        "The case-bringer explains a problem, then turns their back and listens while the "
        "group talks about the problem as if they were not there; afterwards the "
        "case-bringer says what struck them and what they take with them."
    ),
    roles=(CASE_BRINGER, NOTE_TAKER),
    steps=(
        Step(
            "choose",
            _("Choosing the problem"),
            _(
                "Participants briefly name a work problem they are still struggling with. "
                "The group chooses one; whoever brought it is the case-bringer."
            ),
            5,
            (F("problem", _("The chosen problem, in one sentence")),),
        ),
        Step(
            "explain",
            _("The case-bringer explains"),
            _(
                "The case-bringer tells what the problem is, what they already tried and what "
                "they would like to get out of the session. The others listen."
            ),
            10,
            (F("question", _("The case-bringer's question")),),
        ),
        Step(
            "clarify",
            _("Questions for clarification"),
            _(
                "The group asks open questions to understand the situation. No advice yet, "
                "no opinions."
            ),
            10,
            (F("facts", _("What the questions brought to light")),),
        ),
        Step(
            "gossip",
            _("Gossip round"),
            _(
                "The case-bringer turns their chair around and listens without reacting. The "
                "group talks about the problem as if the case-bringer were not there: what "
                "strikes them, what might be going on, what they would try. Speak about the "
                "problem, not about the person."
            ),
            20,
            (F("ideas", _("Ideas and hypotheses from the gossip round")),),
        ),
        Step(
            "react",
            _("The case-bringer reacts"),
            _(
                "The case-bringer turns back and tells what struck them, what was new, what "
                "they recognise and what they will do."
            ),
            10,
            (F("takeaway", _("What the case-bringer takes with them")),),
        ),
        Step(
            "evaluate",
            _("Evaluation"),
            _(
                "What did each participant learn for their own practice? How did the method "
                "work for the group?"
            ),
            5,
            (F("learned", _("What the participants learned")),),
        ),
    ),
)

BALINT_METHOD = Method(
    key="balint",
    name=_("Balint method"),
    summary=_(
        "A case about the relationship between the professional and a client, told from "
        "memory; the group explores the feelings and the relationship, while the "
        "case-bringer listens, and only then reacts."
    ),
    roles=(CASE_BRINGER, NOTE_TAKER),
    steps=(
        Step(
            "present",
            _("The case-bringer presents, from memory"),
            _(
                "The case-bringer tells about a client who keeps occupying them, without notes "
                "or files: what happened, what they felt, what the contact was like. The "
                "others listen."
            ),
            10,
            (F("case", _("What the case is about, without names")),),
        ),
        Step(
            "factual_questions",
            _("Factual questions"),
            _(
                "Short questions about facts that are needed to follow the story. No "
                "interpretations yet."
            ),
            10,
        ),
        Step(
            "explore",
            _("The group explores, the case-bringer listens"),
            _(
                "The case-bringer pushes their chair back and stays silent. The group shares "
                "associations, feelings and fantasies: how might the client experience this? "
                "What does the relationship evoke in the professional? What is not said?"
            ),
            25,
            (F("relationship", _("What the group saw in the relationship")),),
        ),
        Step(
            "rejoin",
            _("The case-bringer rejoins"),
            _(
                "The case-bringer comes back into the circle and tells what moved them in what "
                "they heard. The group does not defend its ideas."
            ),
            10,
            (F("reaction", _("The case-bringer's reaction")),),
        ),
        Step(
            "close",
            _("Closing round"),
            _(
                "Each participant says in one or two sentences what they take with them to "
                "their own contact with clients."
            ),
            5,
            (F("learned", _("What the participants take with them")),),
        ),
    ),
)

DILEMMA_METHOD = Method(
    key="dilemma",
    name=_("Dilemma method"),
    summary=_(
        "Ten steps around one dilemma of the case-bringer: what is the dilemma, which values "
        "and norms are at stake for whom, are there alternatives, and how does each "
        "participant weigh it?"
    ),
    roles=(CASE_BRINGER, NOTE_TAKER),
    steps=(
        Step(
            "introduction",
            _("Introduction"),
            _(
                "The facilitator explains the aim, the steps and the ground rules: what is said "
                "stays here, we listen and ask rather than debate, there is no right answer."
            ),
            5,
        ),
        Step(
            "case",
            _("Presenting the case"),
            _(
                "The case-bringer tells a concrete situation from their own practice in which "
                "they did not know what was right to do, up to the moment of the dilemma."
            ),
            10,
            (F("case", _("The case, in short")),),
        ),
        Step(
            "dilemma",
            _("Formulating the moral dilemma"),
            _(
                "Formulate the dilemma from the case-bringer's position: should I do A, with "
                "disadvantage X, or B, with disadvantage Y?"
            ),
            10,
            (F("dilemma", _("The moral dilemma")),),
        ),
        Step(
            "clarification",
            _("Clarifying questions"),
            _(
                "Participants ask questions that help them put themselves in the case-bringer's "
                "place at that moment. No advice yet."
            ),
            10,
            (F("clarification", _("What the questions brought to light")),),
        ),
        Step(
            "perspectives",
            _("Perspectives, values and norms"),
            _(
                "Who is involved? For each of them: which values are at stake, and which norms "
                "(what should be done) follow from them? Write them down as concretely as "
                "possible, option A next to option B."
            ),
            20,
            (F("perspectives", _("Those involved, their values and norms")),),
        ),
        Step(
            "alternatives",
            _("Looking for alternatives"),
            _("Are there more possibilities than A or B? Think together without judging yet."),
            10,
            (F("alternatives", _("Alternatives")),),
        ),
        Step(
            "consideration",
            _("Individual consideration"),
            _(
                "Each participant writes down: what is, in my view, morally right to do; on the "
                "basis of which value or norm; what is the disadvantage of my choice; and how "
                "can the harm be limited?"
            ),
            5,
        ),
        Step(
            "dialogue",
            _("Dialogue: similarities and differences"),
            _(
                "The participants share their considerations and investigate the similarities "
                "and differences between them."
            ),
            15,
            (F("dialogue", _("Similarities and differences")),),
        ),
        Step(
            "conclusion",
            _("Conclusion and actions"),
            _(
                "What is the conclusion, of the group and of the case-bringer? Which actions "
                "follow, and who takes them?"
            ),
            10,
            (F("conclusion", _("The conclusion")),),
        ),
        Step(
            "evaluation",
            _("Evaluation"),
            _(
                "How did the deliberation go? What did we learn about the case, and about our "
                "own moral considerations?"
            ),
            5,
            (F("evaluation", _("Evaluation of the meeting")),),
        ),
    ),
)

CLINICAL_LESSON = Method(
    key="clinical_lesson",
    name=_("Clinical lesson by a student–professional pair"),
    summary=_(
        "A student and a professional present a topic from practice together, connect it "
        "with current knowledge, and translate it to every discipline present."
    ),
    roles=(PRESENTER, NOTE_TAKER),
    steps=(
        Step(
            "goals",
            _("Opening and learning goals"),
            _("The presenters introduce themselves, the topic and the learning goals."),
            5,
            (F("learning_goals", _("Learning goals")),),
        ),
        Step(
            "case",
            _("The case from practice"),
            _(
                "The pair tells the situation from practice that made the topic urgent, "
                "pseudonymised: no names, dates of birth or addresses."
            ),
            10,
            (F("case_summary", _("The case, pseudonymised")),),
        ),
        Step(
            "knowledge",
            _("Background knowledge"),
            _(
                "What do the literature, the guideline or the protocol say? Name the sources "
                "and how strong the evidence is."
            ),
            15,
            (F("knowledge", _("Key points and sources")),),
        ),
        Step(
            "translation",
            _("Translation to each discipline"),
            _(
                "What does this mean for care, for the social domain, for the client and the "
                "informal carer? A short assignment or discussion in mixed pairs."
            ),
            15,
            (F("translation", _("What it means for each discipline")),),
        ),
        Step(
            "take_home",
            _("Questions and take-home messages"),
            _("Questions to the presenters; each participant names one thing they will apply."),
            10,
            (F("take_home", _("Take-home messages")),),
        ),
        Step(
            "feedback",
            _("Feedback to the presenters"),
            _("Participants give the pair feedback on the content and the presentation."),
            5,
            (F("feedback", _("Feedback")),),
        ),
    ),
)

CASE_DISCUSSION = Method(
    key="case_discussion",
    name=_("Methodical case discussion"),
    summary=_(
        "A complex client situation seen from every domain at the table, ending in advice "
        "for the case-bringer and agreements about who does what."
    ),
    roles=(CASE_BRINGER, NOTE_TAKER),
    steps=(
        Step(
            "question",
            _("Opening and the question"),
            _("The case-bringer says what they want from the group: their question."),
            5,
            (F("question", _("The case-bringer's question")),),
        ),
        Step(
            "case",
            _("Presenting the case"),
            _(
                "The relevant facts, pseudonymised: the client's situation, their network, the "
                "care and support so far, and what the client wants."
            ),
            10,
            (F("case_summary", _("The case, pseudonymised")),),
        ),
        Step(
            "clarification",
            _("Clarifying questions"),
            _("Only questions about facts; no advice yet."),
            10,
        ),
        Step(
            "analysis",
            _("Analysis from each domain"),
            _(
                "Each discipline gives its view: what do you see, what worries you, which "
                "strengths do you see in the client and their network?"
            ),
            20,
            (F("analysis", _("Views from care, the social domain and others")),),
        ),
        Step(
            "options",
            _("Goals and possible interventions"),
            _(
                "What are we aiming at, together with the client? Which options are there, and "
                "who is best placed to act?"
            ),
            15,
            (F("options", _("Goals and options")),),
        ),
        Step(
            "advice",
            _("Advice and agreements"),
            _("What does the case-bringer take along? Record the agreed actions below."),
            5,
            (F("advice", _("Advice to the case-bringer")),),
        ),
        Step(
            "evaluation",
            _("Evaluation"),
            _("Did the case-bringer get an answer to the question? How did we work together?"),
            5,
            (F("evaluation", _("Evaluation of the meeting")),),
        ),
    ),
)

GUEST_SPEAKER = Method(
    key="guest_speaker",
    name=_("Guest speaker"),
    summary=_("A talk by a guest, followed by questions and what it means for our practice."),
    roles=(PRESENTER, NOTE_TAKER),
    steps=(
        Step("welcome", _("Welcome"), _("Welcome, and introduction of the speaker."), 5),
        Step(
            "talk",
            _("The talk"),
            _("The guest speaker's talk."),
            30,
            (F("key_points", _("Key points of the talk")),),
        ),
        Step(
            "questions",
            _("Questions and discussion"),
            _("Questions from every domain present."),
            20,
            (F("questions", _("Questions and answers")),),
        ),
        Step(
            "practice",
            _("What it means for our practice"),
            _("What do we take into our own work, and what do we want to try together?"),
            15,
            (F("practice", _("What we do with it in our practice")),),
        ),
        Step("closing", _("Closing"), _("Thanks, and the agreed follow-up."), 5),
    ),
)

THEME_MEETING = Method(
    key="theme_meeting",
    name=_("Theme meeting"),
    summary=_("A practice theme explored in mixed groups, harvested together."),
    roles=(NOTE_TAKER,),
    steps=(
        Step(
            "opening",
            _("Opening: why this theme"),
            _("Why does this theme live in practice now? What do we want to know?"),
            10,
            (F("theme_question", _("The question of the meeting")),),
        ),
        Step(
            "input",
            _("Input"),
            _("A short input: figures, a case, a practice example or research."),
            20,
            (F("input", _("Main points of the input")),),
        ),
        Step(
            "groups",
            _("Working in mixed groups"),
            _("In groups that mix domains and students with professionals: work on the question."),
            30,
            (F("group_results", _("Results of the groups")),),
        ),
        Step(
            "harvest",
            _("Harvest"),
            _("Each group shares its main insight; what do we see across the groups?"),
            20,
            (F("harvest", _("Common insights")),),
        ),
        Step("follow_up", _("Follow-up"), _("Which actions follow, and who takes them?"), 10),
    ),
)

LEARNING_LAB = Method(
    key="learning_lab",
    name=_("Learning lab"),
    summary=_("From a shared challenge to a small experiment in practice."),
    roles=(NOTE_TAKER,),
    steps=(
        Step(
            "challenge",
            _("The challenge"),
            _("Which challenge from practice do we work on, and for whom does it matter?"),
            10,
            (F("challenge", _("The challenge")),),
        ),
        Step(
            "explore",
            _("Exploring"),
            _("What do we know, from each domain, from clients and from research?"),
            20,
            (F("insights", _("Insights")),),
        ),
        Step(
            "ideas",
            _("Ideas"),
            _("Generate ideas without judging; then cluster them."),
            20,
            (F("ideas", _("Ideas")),),
        ),
        Step(
            "experiment",
            _("Choosing an experiment"),
            _("Choose one small experiment: what, where, with whom, and how do we see effect?"),
            20,
            (F("experiment", _("The experiment: what, where, who, how we measure")),),
        ),
        Step(
            "next_steps",
            _("Next steps"),
            _("Who does what before the next meeting? Record the actions below."),
            10,
        ),
    ),
)

EXCHANGE = Method(
    key="exchange",
    name=_("Exchange between networks"),
    summary=_("Networks and districts show each other their work and learn from each other."),
    roles=(PRESENTER, NOTE_TAKER),
    steps=(
        Step(
            "welcome",
            _("Welcome and introductions"),
            _("Welcome; who is here, from which network and district?"),
            15,
        ),
        Step(
            "presentations",
            _("Each network presents"),
            _("Each network shows one result, one question and one surprise."),
            20,
            (F("presented", _("What the networks presented")),),
        ),
        Step(
            "exchange",
            _("Exchange in mixed groups"),
            _("In groups that mix the networks: what can we use from each other?"),
            30,
            (F("exchange", _("What we learned from each other")),),
        ),
        Step(
            "follow_up",
            _("Harvest and follow-up"),
            _("What do we take home, and what do we do together next?"),
            15,
            (F("follow_up", _("Follow-up")),),
        ),
    ),
)

METHODS: dict[str, Method] = {
    method.key: method
    for method in (
        INCIDENT_METHOD,
        GOSSIP_METHOD,
        BALINT_METHOD,
        NIJMEGEN_METHOD,
        DILEMMA_METHOD,
        CLINICAL_LESSON,
        CASE_DISCUSSION,
        GUEST_SPEAKER,
        THEME_MEETING,
        LEARNING_LAB,
        EXCHANGE,
    )
}

# The first method of a format is its default.
FORMAT_METHODS: dict[str, tuple[str, ...]] = {
    MeetingFormat.INTERVISIE: ("incident", "nijmegen", "gossip", "balint"),
    MeetingFormat.MOREEL_BERAAD: ("nijmegen", "dilemma"),
    MeetingFormat.KLINISCHE_LES: ("clinical_lesson",),
    MeetingFormat.CASUISTIEK: ("case_discussion",),
    MeetingFormat.GASTSPREKER: ("guest_speaker",),
    MeetingFormat.THEMABIJEENKOMST: ("theme_meeting",),
    MeetingFormat.LEERLAB: ("learning_lab",),
    MeetingFormat.UITWISSELING: ("exchange",),
}


def methods_for(format: str) -> list[Method]:
    """The methods a meeting of ``format`` may follow, the default first."""
    return [METHODS[key] for key in FORMAT_METHODS.get(format, ())]


def default_method(format: str) -> Method | None:
    methods = methods_for(format)
    return methods[0] if methods else None


def method_for(format: str, key: str | None) -> Method | None:
    """The method ``key`` if the format allows it, else the format's default."""
    if key and key in FORMAT_METHODS.get(format, ()):
        return METHODS[key]
    return default_method(format)
