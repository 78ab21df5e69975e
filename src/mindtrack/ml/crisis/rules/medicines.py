"""Medicines as a means: thoughts of taking them all, tablets gathered, kept back and saved, and a
supply taken. People in care write about their medicines every day, so these rules name what is done
or meant with the tablets, never the tablets alone ("picked up my prescription" is no risk)."""

from __future__ import annotations

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.rules.base import (
    ATTEMPT,
    METHOD,
    PASSIVE,
    PILLS,
    PLAN,
    PREPARATION,
    SELF_HARM,
    Rule,
    rule,
)

# "the lot", "all of them", "every single one": the whole supply, not a dose
_LOT = r"the (?:whole )?lot|all of (?:it|them)|them all|every (?:single |last )?one(?: of them)?|everything"
_WHOLE_SUPPLY = rf"(?:{_LOT}|all (?:of )?(?:my |the |those |her |his )?(?:\w+ )?{PILLS})"
# ... said as a decision: not everything packed ("I'm taking everything I need") nor all one
# is prescribed ("I'm taking all my meds now")
_THE_LOT = (
    rf"(?:{_LOT}|the (?:whole|entire) (?:box|bottle|packet|pack|supply|prescription))"
    r"(?! (?:to|with|back|into|out|off|on|apart|away|home|round|over|for a|i|they|you|he|she|we|the doctor|my gp)\b)"
)
# medicines named, for rules whose words only mean risk beside them
_MEDICINE_IN_NOTE = rf"{PILLS}|prescriptions?|scripts?|rx|doses?|blisters?|pills?|tablets?|meds?|refills?|pharmac\w*|chemists?"

# "collecting my tablets from the chemist tomorrow": a prescription picked up, not a stash
_NOT_A_PICKUP = (
    r"(?![^.!?]{0,40}?\b(?:pharmacy|pharmacist|chemist|boots|walgreens|cvs|gp|doctor'?s|surgery|dispensary|hospital|clinic|prescription|refill|repeat|counter|drive.?thru)\b)"
    r"(?!\s+(?:today|tomorrow|tonight|later|this (?:morning|afternoon|evening)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|after work|at \d)\b)"
)
MEDICINE_RULES: tuple[Rule, ...] = (
    # Tablets gathered beyond the dose: counted out "and there's enough", saved or stockpiled,
    # collected and put aside, bought from several shops "so nobody asks".
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"(?:counted|counting|count) (?:out )?(?:the |my |all (?:the |my )?)?{PILLS}\b.{{0,30}}?\b(?:there's enough|there are enough|it's enough|that's enough|enough (?:now|to))",
        rf"(?:saved|saving|stockpil(?:ed|ing)|hoard(?:ed|ing)|stash(?:ed)?) (?:up )?(?:my |some |the |enough |a stash of )?{PILLS}(?! for (?:the|my|our|a) (?:trip|holiday|vacation|travels?|flight|time away|summer|cruise)\b)",
        rf"(?:been|i've|i have|started|keep|kept) collecting (?:up )?(?:my |some |the |enough |a stash of )?{PILLS}{_NOT_A_PICKUP}",
        rf"collect(?:ed|ing) (?:up )?(?:some |enough |a stash of |extra )?{PILLS}{_NOT_A_PICKUP}",
        rf"(?:hiding|hid|stashing|putting aside|setting aside|holding back|keeping back|putting by|squirrel(?:l)?ing away) (?:away )?(?:a few (?:of )?(?:my )?|some (?:of )?(?:my )?|my |extra |the )?{PILLS}(?! (?:from|away from|out of|up high|where))",
        rf"{PILLS}\b.{{0,40}}?\b(?:one|two|a few|a couple) (?:or (?:two|three) )?at a time",
        r"(?:script|prescription)(?:'s| is)? (?:\w+ ){0,3}?(?:filled|collected|picked up|comes? in)\b.{0,40}?\b(?:put|keep|set|putting|keeping|setting|hide|hiding) (?:half|some|a few|one or two|a couple)(?: of (?:them|it))? (?:aside|back|away|by)\b",
        # buying past the pack limit: "buying painkillers from different shops so nobody asks"
        rf"(?:buy|buying|bought|getting|got) (?:more |extra |some |a few )?(?:\w+ )?{PILLS} (?:from|at|in) (?:different|several|multiple|various|lots of|loads of) (?:shops|pharmacies|chemists|stores|supermarkets|places)",
        rf"{PILLS}\b.{{0,60}}?\bso (?:nobody|no one|no-one|they don't) (?:asks?|notices?|questions?|gets? suspicious)",
    ),
    # The supply taken at once, thought of: "whether taking all my other meds at once would end
    # it", "take the lot instead of one a day", "popping every single one and swallowing them".
    rule(
        METHOD, RiskLevel.HIGH,
        rf"(?:take|taking|swallow|swallowing|pop|popping) {_WHOLE_SUPPLY}(?: \w+)? (?:at once|in one go|together|instead)\b",
        rf"(?:take|taking|swallow|swallowing) {_WHOLE_SUPPLY}(?:\W+|\s+)(?:and|to) (?:be done|end it|end (?:it all|things|everything|my life)|never wake up|not wake up|make it (?:stop|permanent))",
        context_in_note=_MEDICINE_IN_NOTE,
    ),
    # What the tablets would do: "the tablets in the top cupboard would be enough", "whether all
    # my lithium at once would do it", "my antidepressants are what I'd use".
    rule(
        METHOD, RiskLevel.HIGH,
        rf"{PILLS}\b[^.!?]{{0,50}}?\b(?:would|could|might|will) (?:be enough|do it|end it|finish me(?: off)?|kill me|do the job)\b",
        rf"{PILLS} (?:are|is|would be) (?:what|how) i'?d (?:use|do it|go)\b",
        rf"{PILLS} (?:is|are) my (?:way out|exit|escape|plan b|back-?up plan)\b",
        rf"(?:use|using) (?:my |the |all (?:of )?(?:my |the )?)?(?:\w+ )?{PILLS} to (?:end it|end (?:it all|things|everything|my life)|kill myself|die)\b",
    ),
    # Which medicines, worked out: "I've worked out which of my meds I'd use", "which of my pills,
    # the cheap hotel by the motorway".
    rule(
        PLAN, RiskLevel.HIGH,
        rf"which (?:of )?(?:my |the )?(?:{PILLS}|ones) i'?d (?:take|use)\b",
        rf"(?:worked out|know|decided|chosen|picked|choosing|going over) (?:exactly )?which (?:of )?(?:my |the )?{PILLS}\b",
        rf"{PILLS} chosen\b",
    ),
    # Taking the supply, said as a decision: "I'm taking the lot", "tonight i take the lot", "I'll
    # take everything in the medicine cabinet" (a plan; a time beside it makes it intent).
    rule(
        PLAN, RiskLevel.HIGH,
        rf"(?:i'?m|i am|i'll|i will|going to|gonna|(?:tonight|today|tomorrow|then|and) i) (?:take|taking|swallow|swallowing) {_THE_LOT}",
        context_in_note=_MEDICINE_IN_NOTE,
        unless=r"on time|as prescribed|every (?:day|morning|night)|like (?:the|my) (?:doctor|gp)|with (?:me|us)|on holiday|in my (?:bag|case|suitcase)",
    ),
    # Doses kept back and saved: "keeping some back every night", "the pills I've been saving",
    # "everything I'd saved", "I'm saving them to do it", "the pile keeps growing".
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"(?:keeping|kept|keep|holding|held|putting|put) (?:some|a few|a bit|one|two|a couple|the ones i'?m (?:supposed|meant) to take|(?:some |a few )?(?:of )?(?:my |her |his |mum's |mom's |dad's |the )?(?:\w+ )?{PILLS}) back\b",
        rf"(?:{PILLS}|every (?:pill|tablet)) i(?:'ve|'d| have| had)? (?:been )?(?:saved|saving|kept back|keeping back|hoarded|hoarding|stashed|stashing|stockpiled|stockpiling|put aside|putting aside)\b",
        r"saving (?:them|it|these|those) (?:up )?(?:to do it|for when|for the day|for after|for the end)\b",
        r"(?:got|have|collected) enough saved\b",
        r"saved (?:up )?enough(?: now)?(?=\W*(?:[.!,;]|$))",
        r"(?:haven't|have not|not) been taking (?:them|it|my (?:\w+ )?(?:meds|tablets|pills))\b.{0,80}?\b(?:saving|keeping|hiding|stashing|in a (?:sock|bag|tin|jar|box))",
        context_in_note=_MEDICINE_IN_NOTE,
        # saved for a night out or a flight: "took the xanax i had been saving and passed out"
        unless=r"pass(?:ed)? out|party|night out|festival|gig|rave|flights?|trip|holiday|concert",
    ),
    # The supply gathered and ready: "The tablets are all in the drawer, ready", "the meds are
    # ready", "Meds all in one place, letters written" (not a pharmacy's "ready to collect").
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"(?:the |my )?{PILLS}(?: are| is)? (?:all )?(?:in one place|ready(?! (?:for|to) (?:collection|pick ?up|collect))|lined up|counted out|laid out)\b",
        r"every (?:pill|tablet) i own in one place",
        unless=r"pharmac\w*|chemist|collect\w*|pick\w* up|prescription|refill|script|trip|holiday|travel\w*|flight|organi[sz]er|dosette|pill ?box|blister packs?|weekly|week'?s?|boots|cvs|walgreens|ward round|nurse|carer",
    ),
    # A supply taken: "took my whole month of lithium", "took everything I had saved", "I've
    # taken them. all of them", "swallowed the painkillers from the op. its done".
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:took|taken|swallowed|downed) (?:my|the|a) (?:whole|entire) (?:month|week|fortnight)'?s?(?: of| supply| worth)\b",
        r"(?:took|taken|swallowed) (?:everything|all|the ones|the lot|them)\b[^.!?]{0,30}?\bi(?:'d| had|'ve| have) (?:saved|been saving|kept|stockpiled|hoarded)\b",
        r"(?:i'?ve|i have) (?:taken|swallowed) (?:them|it)\W+all of (?:them|it)\b",
        rf"(?:took|swallowed|taken) (?:the |my |all (?:the |my )?)?(?:\w+ ){{0,3}}?{PILLS}\b[^.!?]{{0,30}}[.!?,]\s*(?:it'?s|it is) done\b",
        rf"tried with (?:my |the )?(?:\w+ )?{PILLS} (?:last night|yesterday|this morning|on \w+day)\b.{{0,20}}?\bwoke up",
        r"(?:bottle|box|packet|pack|strip)(?:'s| is) (?:empty|gone)(?: now)?\W+i (?:took|swallowed) (?:them|it|the lot)\b",
    ),
    # More than the dose, on purpose: "I've taken extra again today. It's the only thing that
    # makes the noise stop", "took extra on purpose".
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:took|taken|taking|take) (?:an )?extra(?: \w+)? (?:on purpose|deliberately)\b",
        context_in_note=_MEDICINE_IN_NOTE,
    ),
    # An illness or an operation hoped to end it: "kinda hoping the anaesthetic just doesn't
    # wear off", "hoping the side effects just take me out".
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"hop(?:e|es|ing) (?:that )?(?:the |my |this )?(?:anaesthetic|anesthetic|side effects?|op|operation|surgery|meds|pills|tablets|cancer|illness|disease|chemo|tumou?r|infection) (?:just )?(?:doesn't wear off|does not wear off|don't wear off|kills? me|finish(?:es)? me(?: off)?|takes? me(?: out)?(?=\W*(?:[.!,;]|lol|$)))",
        r"(?:hope|hopes|hoping|wish) i (?:don't|do not|won't|wouldn't) (?:come round|come to|wake up|make it through)(?: from it| from the (?:op|operation|anaesthetic|anesthetic|surgery))?(?=\W*(?:[.!,;]|$))",
    ),
)  # fmt: skip
