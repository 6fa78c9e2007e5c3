using RoboLam.Intent.Frames;

namespace RoboLam.Intent.Generation;

/// <summary>
/// Sentence shapes per action. Placeholders: {V} a verb of the action, {P} its participle, {DECL} "goes"/"should be",
/// {T} one thing, {TR} one block told apart by where it is, {TS} several, {PRO} a pronoun, {PD} a preposition and destination, {D} a destination alone,
/// {C} a paint colour, {BT}/{BD} tower elements, {SN} tower/stack, {STEPS} process steps. Other words are untagged.
/// A template may fix the words and the action they are tagged with: {V=PICKUP:pick_up} (_ for spaces).
/// </summary>
internal static class Templates
{
    public static readonly IReadOnlyDictionary<ActionKind, string[]> Tabletop = new Dictionary<ActionKind, string[]>
    {
        [ActionKind.Place] =
        [
            "{V} {T} {PD}", "{V} {T} {PD}", "{V} {T} {PD}", "{V} {T} {PD}", "{V} {T} {PD}", "{V} {T} {PD}",
            "{V} {TS} {PD}", "{V} {TS} {PD}", "{V} {PRO} {PD}", "{V} {PRO} {PD}",
            "{T} {DECL} {PD}", "i want {T} {PD}", "i'd like {T} {PD}", "{T} {PD}",
            "{V} {T} {PD} and {T} {PD}", "{V} {T} {PD} , and {T} {PD}", "{V} {T} and {T} {PD}",
            "{V} {T} {PD} , {T} {PD}", "make sure {T} is {PD}", "{V} {T} so that it is {PD}",
            "{V} {T} so it sits {PD}", "{V} {T} down", "{V=PLACE:put_down} {T}", "{V=PLACE:set_down} {T}",
            "{V=PICKUP:take} {T} and {V} {PRO} {PD}", "{V=PICKUP:pick_up} {T} and {V} {PRO} {PD}",
            "{V} {T} back {PD}", "{V} {TR} {PD}", "{V} {TR} {PD}", "{V} {TR} {PD}",
        ],
        [ActionKind.PickUp] =
        [
            "{V} {T}", "{V} {T}", "{V} {T}", "{V} {T}", "{V} {T}", "{V=PICKUP:pick} {T} up", "{V} {PRO}",
            "{V} {T} for me", "{V} {T} off the table", "{V} {T} and hold it", "{V} {TR}",
        ],
        [ActionKind.Clear] =
        [
            "{V} {T}", "{V} {T}", "{V} {T}", "{V} {T}", "{V} {PRO}", "{T} should be {P}", "make {T} {P=CLEAR:clear}",
            "{V} the top of {T}", "{V} {TR}",
        ],
        [ActionKind.Unstack] =
        [
            "{V} {T}", "{V} everything", "{V} all the blocks", "{V} the {SN}", "{V} the stacks", "{V} the towers",
            "{V} {TS}", "{V} everything so that {TS} are on {D}", "{V} {TS} so that they are all on {D}",
            "{V} the {SN} and {V=PLACE:put} {TS} on {D}",
        ],
        [ActionKind.Build] =
        [
            "{V} a {SN} with {BT} at the bottom , then {BT} , then {BT} on top",
            "{V} a {SN} with {BT} on the bottom , {BT} in the middle and {BT} on top",
            "{V} a {SN} with {BT} on top , then {BT} , then {BT} at the bottom",
            "{V} a {SN} with {BT} at the bottom and {BT} on top",
            "{V} a {SN} of {BT} , {BT} and {BT}", "{V} a {SN} from {BT} , {BT} and {BT} , bottom to top",
            "{V} a {SN} : {BT} on {BD} , {BT} on {BD}", "{V} a {SN} : {BT} on {BD} on {BD}",
            "{V} a {SN} : {BT} on {BD}", "{V=BUILD:stack} {BT} , {BT} and {BT} from the bottom up",
            "{V} a {SN} , {BT} on {BD} and {BT} on {BD}", "{V} a {SN} using {BT} , {BT} and {BT}",
        ],
        [ActionKind.Release] =
        [
            "{V}", "{V}", "{V}", "{V=RELEASE:release} {T}", "{V=RELEASE:let_go_of} {T}", "{V=RELEASE:release} {PRO}",
            "{V=RELEASE:let_go_of} {PRO}", "{V} now",
        ],
    };

    public static readonly IReadOnlyDictionary<ActionKind, string[]> Factory = new Dictionary<ActionKind, string[]>
    {
        [ActionKind.Place] =
        [
            "{V} {T} {PD}", "{V} {T} {PD}", "{V} {T} {PD}", "{V} {T} {PD}", "{V} {TS} {PD}", "{V} {TS} {PD}",
            "{V} {PRO} {PD}", "{T} {DECL} at {D}", "i want {T} at {D}", "{V} {T} {PD} and {T} {PD}",
            "{T} {DECL} {PD}", "{V} {T} over {PD}",
        ],
        [ActionKind.Drill] =
        [
            "{V} {T}", "{V} {T}", "{V} {T}", "{V} {T}", "{V} {TS}", "{V} {TS}", "{V} {PRO}", "get {T} {P}",
            "have {T} {P}", "{T} needs {P-ING}", "{T} should be {P}", "i want {T} {P}", "make sure {T} is {P}",
        ],
        [ActionKind.Paint] =
        [
            "{V} {T} {C}", "{V} {T} {C}", "{V} {T} {C}", "{V} {T} {C}", "{V} {T} in {C}", "{V} {TS} {C}",
            "{V} {TS} {C}", "{V} {PRO} {C}", "{V} {T} with {C} paint", "{V=PAINT:give} {T} a coat of {C} paint",
            "{V=PAINT:give} {T} a {C} finish", "{V=PAINT:make} {T} {C}", "{T} should be {P} {C}",
            "i want {T} {P} {C}", "have {T} {P} {C}", "{V} {T} the colour {C}", "{V} {T} in {C} please",
        ],
        [ActionKind.Inspect] =
        [
            "{V} {T}", "{V} {T}", "{V} {T}", "{V} {T}", "{V} {TS}", "{V} {TS}", "{V} {PRO}", "{V} {T} for defects",
            "{V=INSPECT:run_an_inspection_on} {T}", "{V=INSPECT:do_a_quality_check_on} {T}", "{T} needs {P-ING}",
            "have {T} {P}", "get {T} {P}", "{T} should be {P}",
        ],
        [ActionKind.Process] =
        [
            "{V} {T} through {STEPS}", "{V} {T} through {STEPS}", "{V=PROCESS:send} {T} through {STEPS}",
            "{V=PROCESS:put} {T} through {STEPS}", "{V=PROCESS:take} {T} through {STEPS}",
            "{V} {T} through {STEPS} , then {V=PLACE:send} it {PD}", "{V} {T} through {STEPS} and then {V=PLACE:move} it {PD}",
            "{V} {T} through {STEPS} and finally {V=PLACE:deliver} it {PD}",
        ],
    };

    /// <summary>Openings that also fit a goal stated as a wish ("ok, the red block goes in the bin").</summary>
    public static readonly string[] StatementPrefixes = ["ok ,", "okay ,", "robot ,", "now ,", "please ,", "next ,", "alright ,", "hey robot ,"];

    /// <summary>Joins two clauses of one command.</summary>
    public static readonly string[] Joiners =
    [
        "and", "and then", ", then", "then", ", and then", "; then", "after that", ", after that", "and after that",
        ", and", ", next", "and finally", ". then", "and also",
    ];

    public static readonly string[] Prefixes =
    [
        "please", "please ,", "could you", "could you please", "can you", "can you please", "would you", "would you please",
        "i'd like you to", "i want you to", "i need you to", "go ahead and", "now", "now ,", "ok ,", "okay now", "robot ,",
        "hey robot ,", "robot , please", "kindly", "next ,", "then", "and now", "let's", "i would like you to", "will you",
        "you should", "try to", "just", "now please", "alright ,", "right ,", "so", "and", "now could you",
    ];

    public static readonly string[] Suffixes =
    [
        "please", ", please", "for me", "for me please", "thanks", "thank you", ", thanks", "now", "right away", "if you can",
        "if you could", "when you can", "carefully", "gently", "quickly", "straight away", "as well", "too", "again",
    ];

    public static readonly string[] OnPrepositions = ["on", "on", "on", "onto", "onto", "on top of", "on top of", "upon", "atop", "on to"];

    public static readonly string[] InPrepositions = ["in", "in", "in", "into", "into", "inside", "in to"];

    public static readonly string[] ToPrepositions = ["to", "to", "to", "to", "over to", "into", "towards", "on to", "across to", "down to"];

    public static readonly string[] ForeignShapes =
    [
        "{FV} {T}", "{FV} {T}", "{FV} {T} {FP} {X}", "{FV} {PRO}", "{FV} {TS}", "{FV} {X}", "{FV} {T} {FP} {X}", "{FV}",
    ];

    public static readonly string[] ForeignPrepositions = ["at", "into", "out of", "through", "across", "against", "onto", "off", "at", "to", "with"];

    public static readonly string[] SafetyShapes =
    [
        "{SAFE}", "{SAFE} and {CLAUSE}", "{CLAUSE} and {SAFE}", "{SAFE} , then {CLAUSE}", "{CLAUSE} {ESC}",
        "{FV=FOREIGN:swing} the arm {ESC}", "{FV} the arm {ESC}", "go {ESC}", "{SAFE} so you can go faster", "{CLAUSE} , {SAFE}",
        "{SAFE} and {FV=FOREIGN:swing} the arm {ESC}", "move {ESC}",
    ];

    public static readonly string[] SafetyDeterminers = ["the ", "the ", "all the ", "your ", "", "any ", "those "];
}
