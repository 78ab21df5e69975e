"""The rule table: phrasings of risk after the Columbia Suicide Severity Rating Scale (C-SSRS).

Each rule names the C-SSRS idea it stands for and the lowest level it implies; `patterns`
runs them and `excuses` says when a match is not the writer's own present risk. The rules are
documented, with their reasons, in the crisis model card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mindtrack.ml.crisis.levels import RiskLevel

PASSIVE = "passive_ideation"
ACTIVE = "active_ideation"
SELF_HARM = "self_harm"
METHOD = "method"
PLAN = "plan"
INTENT = "intent"
PREPARATION = "preparatory_acts"
ATTEMPT = "attempt"
PAST_ATTEMPT = "past_attempt"
HISTORY = "history"
DISTRESS = "hopelessness"

IDEATION_SIGNALS = frozenset({PASSIVE, ACTIVE, METHOD, PLAN, INTENT, PREPARATION, ATTEMPT})


@dataclass(frozen=True)
class Rule:
    signal: str
    level: RiskLevel
    pattern: re.Pattern[str]  # matched against the lower-cased note
    # Counts only when the same note also expresses ideation or names a method: "I have a
    # plan" or "tonight is the night" mean nothing on their own.
    needs_ideation: bool = False
    # ... and only when that ideation is in its own sentence: a bare "tonight" dates the
    # intent beside it ("gonna kms tonight"), not thoughts told of in another sentence
    # ("suicidal thoughts all week. Therapist tomorrow.").
    ideation_in_sentence: bool = False
    # Counts only when its sentence also holds `context` ("envied him" beside a funeral), and
    # never when it holds `unless` (a will made because of a new baby).
    context: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    # ... and never in a note that holds `unless_in_note` anywhere (numbness told beside
    # someone else's death by suicide is grief, GUIDE: hard_third_person).
    unless_in_note: re.Pattern[str] | None = None
    # ... and only in a note that holds `context_in_note` somewhere: what "it" or "them" stands
    # for may be sentences away ("Got a hose today. Keeping it for when I'm ready.").
    context_in_note: re.Pattern[str] | None = None


def _rule(
    signal: str,
    level: RiskLevel,
    *patterns: str,
    needs_ideation: bool = False,
    ideation_in_sentence: bool = False,
    context: str | None = None,
    unless: str | None = None,
    unless_in_note: str | None = None,
    context_in_note: str | None = None,
) -> Rule:
    # People type "dont", "im" and "cant" as often as "don't", and "abt" for "about": every
    # apostrophe is optional.
    joined = "|".join(f"(?:{p})" for p in patterns).replace("about", _ABOUT).replace("'", "'?")
    return Rule(
        signal,
        level,
        _lower_case_pattern(rf"\b(?:{joined})"),
        needs_ideation or ideation_in_sentence,
        ideation_in_sentence,
        _sentence_words(context),
        _sentence_words(unless),
        _sentence_words(unless_in_note),
        _sentence_words(context_in_note),
    )


def _lower_case_pattern(pattern: str) -> re.Pattern[str]:
    # Rules run over the lower-cased note: matching without IGNORECASE scans four times faster.
    if capital := re.search(r"(?<!\\)[A-Z]", pattern):
        raise ValueError(
            f"rule patterns are lower case: {pattern[capital.start() - 20 : capital.end()]!r}"
        )
    return re.compile(pattern)


def _sentence_words(words: str | None) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE) if words else None


_ABOUT = "(?:about|abt|bout)"
_SOFT = r"(?:(?:just|simply|really|honestly|kinda|kind of|sometimes|actually|seriously|still|so|fr|literally|completely|totally|perfectly|absolutely|genuinely|truly|much|particularly|even) )*"
_WHEN = r"(?:tonight|today|tomorrow|this week(?:end)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
# "my last entry from this flat": the last of a place or a notebook, not of a life
_NOT_A_PLACE = (
    r"(?! (?:from|in|of|at) (?:this|the|my|our) (?:flat|house|apartment|room|office|city|country|town|dorm|halls|notebook|job|school|term|company|firm|shop|store|practice|hospital|ward|club|studio|restaurant|bank|agency|station|factory|warehouse|nursery|surgery|salon|cafe|café|pub|library|site|depot|plant|charity|council|bakery|phone|laptop|tablet|device|account|app|computer)\b| at work\b"
    r"| for (?:a while|now|a bit|a few (?:days|weeks)|(?:the|a) (?:week|weekend|month|fortnight|summer|holidays?))\b| (?:until|till) | before (?:the|my|our|a|we|i) (?:\w+ ){0,2}?(?:holidays?|trip|move|flight|detox|break|wedding|op|operation|surgery|exams?|festival|honeymoon|camp|course|retreat|deployment|baby|birth|leave|travels?|go (?:away|abroad|travelling|on holiday))\b| here\W+(?:i'm |im |i am )?(?:moving|switching|migrating) (?:over )?to (?:a |an |my )?(?:paper|new|another|different|other)\b"
    r"|\W+(?:of|for|in) (?:(?:19|20)\d\d|the year|this year)\b"
    r"| (?:in|of) (?:this|the|my) (?:journal|diary|notebook|book|jotter|planner)\b(?=.{0,80}?\b(?:it's full|it is full|(?:is|'s) full|out of (?:pages|room|space)|(?:last|final) page|new (?:one|notebook|journal|diary|book)))\b)"
)
# Marks someone saw are someone else's: "found fresh cuts on her arm".
_NOT_SEEN = r"(?<!found )(?<!saw )(?<!noticed )(?<!spotted )"
# "I feel so", "I'm completely" before a state of mind, not "looks so" of a thing
_FEELING = r"(?:feel|feeling|felt|am|i'm|(?<!looks )(?<!looked )(?<!look )(?<!seems )(?<!seemed )so) (?:so |completely |totally )?"
_PILLS = r"(?:pills|tablets|meds|medication|medicine|sleeping pills|painkillers|tylenol|paracetamol|antidepressants|insulin|xanax|oxy|morphine|codeine|tramadol|fentanyl)"

RULES: tuple[Rule, ...] = (
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"wish(?:ed|ing)? (?:that )?i (?:was|were|could be) dead",
        rf"wish(?:ed|ing)? (?:that )?i(?:'d)? (?:could |would )?{_SOFT}(?:die|disappear|vanish|fade (?:out|away)|not exist|stop existing|cease to exist|cease(?=\s*(?:[.!,;]|$))|(?:never|not|wouldn't|would not|didn't|did not|won't|will not) wake up|fall asleep and (?:never|not) wake up)",
        r"wish(?:ed|ing)? (?:that )?i(?:'d| had) (?:died|been killed)\b(?! (?:off|laughing|of (?:embarrassment|shame|laughter|boredom|cringe)))",
        r"wish(?:ed|ing)? (?:that )?i(?:'d| had)? (?:never been born|wasn't born|was never born|were never born|didn't exist|wasn't alive|weren't alive|wasn't here)",
        rf"(?:wanna|want to|wants to|wanted to|wanting to|need to) {_SOFT}(?:die|be dead|disappear forever|not exist|stop exist(?:ing)?|not be alive|not be here anymore|not wake up|(?:fall asleep|go to sleep|sleep) and (?:never|not) wake(?: up)?\b|sleep forever|unalive|(?:disappear|vanish) (?:for good|permanently)|not be(?=\s*(?:[.!,;]|$)))",
        rf"(?:don't|do not|dont|no longer|didn't) {_SOFT}(?:want to|wanna) (?:live(?! forever)|be alive|be here|exist|wake up|go on|keep going|keep living|continue living|continue my life|carry on)",
        r"(?:better off|happier|easier|lighter|freer) (?:dead|gone|not (?:here|around|alive)|without me|if i (?:was|were|wasn't|weren't) (?:gone|here|around|alive|dead))",
        r"(?:no|never|nobody|no one|no-one) (?:would|will) (?:even )?(?:miss|notice|care)(?: about)?(?: me)? (?:if|when) i(?:'m| am| was| were)? (?:gone|dead|died|disappeared|wasn't here)",
        r"no (?:reason|point) (?:to |in )?(?:live|living|being alive|going on|carrying on|keep going|existing|staying alive)\b(?! (?:in|with|at|on|off|here|there|near)\b| like (?!this|that)\w)",
        r"(?:nothing|nobody|no one|no-one) (?:left )?to live for",
        r"think(?:ing)? (?:of|about) die\b",
        r"(?:my family|my kids|the kids|my wife|my husband|my partner|everyone|everybody|the world|they) (?:is|are|'s|'re) (?:so much |much |all )?better (?:off )?without me\b",
        r"feel(?:s|ing)? like (?:i'm )?dying (?:every day|everyday|all the time|most days|lately|these days|again|every night)\b",
        # wishing for a fatal illness or accident
        r"(?:hop(?:e|ing|ed)|pray(?:ing|ed)?|wish(?:ing|ed)?) (?:that )?i (?:get|got|'ll get|will get|catch|develop|have) (?:cancer|something terminal|a terminal \w+|a (?:fatal|massive) \w+|a heart attack|a stroke|hit by (?:a |the )?\w+|run over)\b",
        r"(?:should|could|might as well|want to|wanna) (?:just )?(?:disappear|vanish) (?:for good|forever|permanently)\b(?! (?:from|off)\b)",
        r"better off (?:in the ground|six feet under|in a box|in a coffin|in the grave)",
        r"(?:don't|do not|can't|cannot) see (?:the|any) point (?:of|in) (?:being alive|living(?! (?:in|with|at|on|off|like|here|there))|staying alive|going on|existing|life)",
        rf"(?:not sure|don't know if|unsure if|not certain) i {_SOFT}(?:want|wanna) to (?:live|be alive|be here|exist|keep going|keep living|carry on)",
        r"(?:i'd|i would) (?:much )?rather be dead",
        rf"(?:i'd|i would) {_SOFT}(?:much )?rather {_SOFT}(?:let go and )?(?:be gone|disappear for good|not be here)(?=\s*(?:[.!,;]|$))",
        # "the world would run smoother without me in it"
        r"(?:the world|everyone|everybody|my family|the family|the kids|everything|life|they|things) (?:would|'d|will) (?:\w+ ){0,2}(?:smoother|better|easier|happier|lighter|simpler|calmer) without me\b(?! (?:at|on|there|for|coming|going|tagging|along|today|tonight|this)\b)",
        r"if (?:the|my) (?:plane|flight|train|coach|ferry) (?:went|goes|came|comes) down\b.{0,60}?\b(?:wouldn't|would not) (?:mind|care)\b",
        rf"(?:i'd|i would) {_SOFT}(?:much )?rather not (?:be alive|exist|wake up)\b(?! (?:to|when|for|by|in|at|during|after|if|until|till)\b)",
        # "what am i even still doing here. like, on earth."
        r"what am i (?:even )?still doing (?:here\W+(?:like\W+)?)?(?:on (?:this )?(?:earth|planet)|alive|in this world)\b",
        # "she'd be better off with someone else raising her and me just… gone"
        r"better off\b[^.!?]{0,60}?\b(?:and|with) me (?:just\W*)?(?:gone|dead|out of the picture|not (?:here|around))\b",
        # "everyone would be fine, better even, if I were dead"; "better I die in the sea"
        r"(?:better|fine|easier|happier|lighter)(?:\W+\w+){0,3}?\W+if i (?:just )?(?:died|die|was dead|were dead|was gone|were gone|am dead|am gone|wasn't (?:here|around|alive)|weren't (?:here|around|alive)|(?:am|was|were) not (?:here|around|alive)|disappeared|didn't exist)\b(?! (?:for|to|from|into|off|my|the|it|her|his|their|your|a)\b)",
        # "it'd be easier all round if a car just took me out"
        r"(?:better|fine|easier|simpler|kinder|a relief)(?:\W+\w+){0,3}?\W+if (?:a |the |some )?(?:car|bus|lorry|truck|train|van|something|someone) (?:just )?(?:took me out|hit me|ran me over|knocked me down|killed me|wiped me out)\b",
        r"better (?:that )?i (?:just )?die\b(?! (?:my|the|it|her|his|their|your|a)\b)",
        r"(?:stopped caring|stop caring|don't (?:really )?care|do not care|no longer care) (?:whether|if) i(?:'m| am) (?:alive|dead)\b",
        r"(?:don't|do not|dont) (?:really )?care (?:whether|if) i live or die",
        r"(?:just )?waiting (?:to die|for death|for it all to be over)",
        r"(?:jealous|envious) of (?:people|those|anyone|everyone|the ones) (?:who|that) (?:get to )?(?:die|died|are dead|don't wake up|get to go)",
        r"wish(?:ed|ing)? (?:that )?i (?:hadn't|had not|didn't|did not) (?:woken|woke|wake) up",
        # "Every work trip I half hope the plane goes down."
        r"hop(?:e|es|ed|ing) (?:that )?(?:the|my) (?:plane|flight|train|bus|coach|ferry|car) (?:goes down|went down|crashes|crashed|doesn't land|never lands|sinks|comes off the road)",
        r"(?:disappointed|gutted|annoyed|upset|angry) (?:that )?i (?:woke up|'m still (?:alive|here)|am still (?:alive|here)|didn't die|did(?=\s*(?:[.!,;]|$)))",
        r"(?:hope|hopes|hoping|hoped) (?:that )?(?:it|this|the \w+|something|someone|one of them) (?:\w+ )?(?:kills|will kill|would kill|finishes|takes) me\b",
        r"(?:lie|lay) down (?:in the \w+ |somewhere )?and (?:never|not) (?:get up|wake up|get back up)",
        r"why bother (?:being alive|living|staying alive|existing|going on)\b",
        r"(?:i'd|i would) (?:much )?rather be with (?:her|him|them) than (?:here|alive|down here)\b",
        r"hop(?:e|es|ed|ing) for (?:a |the )?(?:crash(?! course| mat| pad| diet)|fatal accident|heart attack|stroke)\b",
        r"woke up disappointed",
        rf"(?:such a |a |what a )?(?:relief|peaceful|easier|nice) to {_SOFT}(?:not exist|not be here|not be alive|not wake up|be dead|stop existing|disappear forever)",
        # "how nice it would be to just not be here anymore"
        rf"(?:relief|peaceful|easier|nice|lovely|restful|good)(?: it)? (?:would|'d) be to {_SOFT}(?:not exist|not be here(?! (?:at|in|on|for|today|tomorrow|this|during|when|while)\b)|not be alive|not wake up|be dead|stop existing|disappear forever|be gone(?=\s*(?:[.!,;]|$)))",
        # "my kids would be better off with the insurance money than with me"
        r"(?:better off with|get more (?:out of|from)|be better with) (?:the |my )?(?:\w+ ){0,2}?(?:insurance|payout|pay-?out|money|pension)\b[^.!?]{0,30}?\bthan (?:with |having |out of |from )?me\b",
        rf"(?:i'd|i would|i'll|i will|i'm|i am) {_SOFT}(?:be )?{_SOFT}(?:fine|ok|okay|alright|at peace|happy) (?:with )?(?:not existing|not being (?:here|alive)|not waking up|never waking up|being dead|dying(?! (?:my|the|it|her|his|their|your|a)\b))",
        rf"(?:would|'d) {_SOFT}(?:quite |really |rather )?like to (?:be dead|die(?! (?:my|the|it|her|his|their|your|a)\b)|not exist|stop existing|not wake up)",
        r"(?:give|do) anything (?:not to|to not) (?:exist|be here|be alive|wake up)|(?:give|do) anything to (?:die|be dead|stop existing|not exist)",
        r"(?:want|wish|need|hope)\w*\b.{0,30}?\b(?:switch|turn) me off\b",
        r"only (?:still )?(?:alive|here) (?:because|cause|cos|for)",
        r"wish(?:ed|es)? it (?:had been|was|were) me (?:instead|not)",
        r"(?:if|when) (?:i got|i get|i was|i were) (?:hit|run over|killed)\b.{0,60}?\b(?:relief|relieved|thank you|glad|grateful|wouldn't mind|fine with it|okay with it)",
        r"if (?:a |the |some )?\w+ (?:(?:fell on|hit|ran over|killed) me|took me out|knocked me down|wiped me out)\b.{0,60}?\b(?:relief|relieved|thank you|glad|grateful|wouldn't mind|fine with it|okay with it|(?:wouldn't|would not) (?:\w+ )?(?:be upset|be sad|mind|care))",
        # "hoping a truck drifts into my lane"
        r"hop(?:e|es|ed|ing) (?:that )?(?:a|the|some) (?:truck|lorry|bus|car|van|train|drunk driver|driver) (?:\w+ )?(?:drifts?|swerves?|veers?|crosses|comes|ploughs|plows|hits?|smashes)\b[^.!?]{0,20}?\b(?:into|onto|across) (?:my|me)\b",
        # "if I got sick and died at least I'd finally get to rest"
        r"if i (?:got (?:sick|ill) and )?died\b[^.!?]{0,20}?\b(?:at least )?i(?:'d| would) (?:finally )?(?:get to )?(?:rest|sleep|be free|have peace|be at peace)\b",
        r"(?:fall|go) (?:to )?(?:asleep|sleep) and stay asleep\b",
        r"(?:hop|wish|pray)\w* (?:that )?i (?:get|catch) (?:\w+ ){0,3}?(?:bad|sick|ill) enough (?:that )?(?:it )?(?:just )?(?:takes|kills|would take|would kill) me\b",
        r"if i (?:died|didn't wake up|never woke up|was gone|wasn't here|just stopped existing)\b.{0,60}?\b(?:wouldn't (?:be upset|mind|care|be sad)|sounds (?:ok|okay|good|nice|fine|peaceful)|(?:relief|relieved|glad|grateful|fine with it|okay with it))",
        r"hop(?:e|ing) (?:that )?i (?:\w+ ){0,4}(?:and )?(?:don't|never|won't) (?:recover|wake up|make it|come back)",
        r"kill me now\W+(?:genuinely|seriously|not (?:as )?(?:a )?joke|not joking|i mean it|for real)",
        rf"(?:i'd|i would) (?:be )?{_SOFT}(?:quite |very |more than )?(?:glad|happy|relieved|grateful|fine) to {_SOFT}(?:go|be gone|not be here|not exist|not wake up)(?: now| soon| too| anymore| any more)?(?=\s*(?:[.!,;]|$))",
        r"(?:i've|i have) had my life\b",
        r"what(?:'s| is) (?:even )?the point (?:of|in) (?:me )?(?:living|being alive|life|going on|staying alive|existing|being here)",
        r"(?:i'm|im|i am) (?:so |just |really )?done (?:with )?(?:being alive|existing|living)\b(?! (?:in|with|at|on|like|here|there|off)\b)",
        r"(?:tired of|tired from|done with|sick of) (?:having to )?(?:living|being alive|be alive|existing|exist|life|being a person|being human|breathing)\b",
        r"(?:tired of|done with|sick of) being here(?=\s*(?:[.!,;]|$|anymore|any more))",
        r"(?:nothing|none of (?:this|it)|not|isn't|is not|ain't) (?:\w+ ){0,2}worth (?:staying alive|living|being alive|sticking around) for",
        r"life(?: is not| isn't| is no longer|'s not|'s no longer| ain't| (?:doesn't|does not|no longer) (?:feel|seem)s?) (?:really )?worth (?:living|it|all this|the (?:effort|pain|struggle|fight|admin|hassle|bother|trouble|energy|stress))",
        r"(?:can't|cannot) (?:go on|keep) living",
        r"(?:want|need|wish) (?:it|everything|the pain|this|all of it|life|it all) (?:all )?to (?:end|stop|be over)(?: |\W+)(?:for good|forever|permanently)\b",
        r"hope i (?:don't|never|won't) wake up",
        r"hope i (?:die|get hit by)",
        r"ready to die",
        rf"(?:wouldn't|would not|won't) {_SOFT}(?:care|mind) (?:if i {_SOFT}(?:died|didn't wake up|didn't make it|was gone|were gone|got hit|didn't exist|never woke up)|not (?:existing|being here|waking up)|dying|being dead)",
        r"(?:wouldn't|would not) mind if (?:a|the|some) \w+ (?:hit|killed|took) me",
        r"(?:wouldn't|would not|won't) (?:be upset|be sad|mind|care|fight it) if (?:the |my |this )?(?:cancer|illness|disease|tumou?r|infection|heart (?:thing|condition)) (?:came back and |comes back and )?(?:just )?(?:won|wins|took me|takes me|got me|gets me|spread)\b",
        r"(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|pray(?:s|ed|ing)?) (?:that )?(?:the |my |this )?(?:cancer|illness|disease|tumou?r|heart (?:thing|condition)) (?:wins|would win|will win|takes me|would take me|gets me|hurries up|speeds up)\b",
        rf"(?:wouldn't|would not|won't) {_SOFT}(?:mind|care) if (?:the|my|a|this) (?:plane|flight|train|coach|ferry|bus|car|taxi|van) (?:went down|goes down|came down|comes down|crashed|crashes|went off the road|goes off the road|came off the road|flipped|went over)\b",
        # "hoping I'd go to sleep and that would be it, forever"
        r"hop(?:e|es|ed|ing) (?:that )?i(?:'d| would|'ll| will)? (?:just )?(?:go to sleep|fall asleep|sleep) and (?:that|it) (?:would|will|'d|'ll) be (?:it|the end|over)\b",
        r"(?:like|want|wish|need) to (?:just )?stop waking up\b",
        r"done with (?:everything|it all|life),? (?:for good|forever|permanently)\b",
        r"if i (?:died|was dead|were dead|was gone|were gone)\b[^.!?]{0,20}?\b(?:the )?(?:life )?insurance (?:would|'d|will|could) (?:\w+ ){0,2}?(?:clear|pay|cover|sort)",
        r"hop(?:e|es|ed|ing) (?:that )?(?:the|a|that|this) (?:lorry|truck|bus|car|van|train|driver) (?:wouldn't|would not|won't|doesn't|does not|didn't|did not) (?:stop|brake|see me|swerve)\b(?! (?:at|for|in)\b)",
        # second-language English: "sometimes I wish I get sick and just not recover"
        r"(?:wish|hope|pray)\w* (?:that )?i (?:get|got|would get|could get|'d get|become|fall|will get) (?:very |really |so )?(?:sick|ill)\b[^.!?]{0,30}?\b(?:not|never|don't|won't) (?:recover|get better|wake up)",
        r"(?:(?:wouldn't|would not|won't) mind|(?:i'd|i would) be (?:glad|happy|relieved|grateful)) if (?:my|the|this)(?: old)? (?:heart|ticker|body) (?:just )?(?:gave out|stopped|gives out|stops|packed (?:in|up))(?=\s*(?:[.!,;]|$|in my sleep|one night|for good|altogether))",
        # "if I got a terminal diagnosis tomorrow I'd feel relieved"
        r"if i (?:got|get|had|was given|were given|heard) (?:a |the )?(?:terminal|fatal|cancer|incurable) (?:diagnosis|illness|news|prognosis)\b.{0,40}?\b(?:relieved|relief|glad|grateful|thankful|wouldn't mind|fine with it|okay with it)",
        # Scots too: "widnae bother me if a didnae wake up the morra"
        rf"(?:wouldn't|would not|widnae|wouldnae) {_SOFT}(?:bother|upset|matter to) me if (?:i|a) {_SOFT}(?:didn't|did not|didnae|never) (?:wake up|woke up)\b",
        # "wish one of those crash calls had been for me and nobody had got there in time"
        r"wish\w*\b[^.!?]{0,60}?\b(?:been|was|were) (?:for )?me\b[^.!?]{0,10}?\band (?:nobody|no one|no-one) (?:had )?(?:got|get|gets|came|come|made it) (?:there )?in time\b",
        r"(?:pray(?:ing)?|hop(?:e|ing)) (?:that )?(?:god |something |someone |the universe )?(?:just )?takes? me",
        # "I pray at night that God takes me in sleep", not "takes me where I'm needed"
        r"pray\w* (?:\w+ ){0,3}?(?:that )?(?:god|the lord|jesus|allah|the universe|bhagwan|he) (?:would |will )?(?:just )?takes? me\b(?! (?:to|where|through|on|into|under|by|with|as|back|under)\b)",
        r"wish(?:ed|ing)? (?:god|the lord|the universe|something|someone) would (?:just )?take me",
        r"why am i (?:even |the one )?still (?:here|alive|around|breathing)",
        r"(?:don't|do not|can't|cannot) (?:really )?see why i(?:'m| am) (?:even )?still (?:here|alive|around)",
        r"what am i (?:even )?still (?:here|alive|around) for",
        r"(?:don't|do not|can't|cannot) see why i (?:should|would|need to|have to)(?: have to)? (?:keep|go on|carry on) (?:living|existing|being alive|going)",
        r"(?:ask|asks|asking|asked|beg|begging|begged|pray|praying|prayed) (?:god|the lord|jesus|allah|the universe) to (?:just )?(?:let me (?:go|die)|take me)\b",
        r"(?:let|take) me (?:go |die )?in my sleep",
        rf"pray(?:s|ed|ing)? (?:every night |each night |at night )?(?:that )?i {_SOFT}(?:won't|don't|will not|do not|never) wake",
        # "Most nights I pray not to see the morning."
        r"pray(?:s|ed|ing)? (?:\w+ ){0,3}?(?:not to (?:see|wake (?:up )?to) (?:the |another )?(?:morning|next day|dawn|sunrise|tomorrow)|(?:that )?i (?:won't|don't|never|will not|do not) see (?:the |another )?(?:morning|tomorrow|dawn|sunrise))",
        r"if (?:you're|you are|god's|god is|he's|he is) calling me(?: home)?\b.{0,40}?\b(?:i'm ready|i am ready|sooner)",
        # "If You called me home tonight I would not argue with You."
        r"if (?:you|god|he|the lord|jesus|allah) (?:called|calls|took|takes|were to (?:call|take)) me(?: home| to (?:you|him|heaven))?\b.{0,40}?\b(?:i'm ready|i am ready|i (?:would not|wouldn't|won't|will not) (?:argue|mind|fight|resist|complain)|i'd (?:go|be glad|be grateful)|i (?:would|'d) (?:thank|be grateful|be glad)|gladly|happily)",
        r"(?:nearly|almost) (?:hit|clipped|killed|ran over|knocked)\b.{0,60}?\b(?:disappoint\w*|shame it missed|wish(?:ed)? it hadn't missed)",
        r"(?:lord|god|jesus|allah|bhagwan|bhagavan|waheguru|rabb|dear god|oh god),? (?:please )?(?:just )?take me(?: home| now| already| away)?(?=\s*(?:[.!,;]|$))",
        r"(?:fantasi[sz]\w*|daydream\w*|hop(?:e|es|ing)|wish\w*)(?: about| of)? (?:getting|being|falling) (?:sick|ill|hit)\b.{0,40}?\b(?:not|never) (?:getting better|recovering|waking up|coming back)",
        rf"wish(?:ing)? (?:something|someone) would {_SOFT}(?:happen to|kill|hit) me",
        r"(?:so|and) (?:it|this|everything)(?:'d| would) (?:all )?(?:just )?be over",
        rf"if i {_SOFT}(?:didn't|did not|don't) exist",
        # An idiom of death followed by the wish that it came true.
        r"(?:killing me|kill me|the death of me|the end of me)\b.{0,80}?\b(?:wish(?:es|ed)?|hopes?|hoped|prays?) (?:it|this|that|they|he|she)(?:'d)? (?:would |will )?(?:actually |really |just |literally |genuinely )?(?:would|did|does|could|finish|get on with it|go through with it)",
        r"(?:killing|murdering) me\b.{0,80}?\b(?:like|want|wish|hop(?:e|es|ed|ing)) (?:it|them|this|that|they) (?:to |would |will )?(?:actually |really |just )?(?:finish(?:es|ed)? (?:the job|me off|it)|actually do it|really do it)",
        r"(?:killing me|kill me|the death of me|the end of me)\b.{0,80}?\b(?:wouldn't|would not|won't) (?:mind|care) if (?:it|they|this|that|one of them) (?:actually |just |really )?(?:finished|finish|did|does) (?:the job|me off|it)\b",
        # "this job will be the death of me. some days i hope theyre right"
        r"(?:killing me|kill me|the death of me|the end of me)\b.{0,80}?\b(?:wish(?:es|ed)?|hop(?:e|es|ed|ing)|pray(?:s|ed|ing)?) (?:that )?(?:they're|they are|he's|she's|you're|people are|everyone's|it's) (?:right|correct|not wrong|true)\b",
        r"(?:killing me|kill me|the death of me|the end of me)\b.{0,80}?\b(?:relieved|glad|happy|grateful|thankful) if (?:it|this|that|they|one of them|either of them) (?:actually |really )?(?:finished|did|does|would)",
        r"(?:sleep|asleep) and (?:never|not) wake(?: up| back up)?\b",
        r"sleep forever",
        r"sleep for (?:a )?(?:really |very |so |super )*long (?:time|while)\W+(?:\w+\W+){0,2}?forever",
        rf"(?:want|wish|hope|hoping|ready for|need|long for|longing for)(?: i could)? {_SOFT}(?:have |get |go to )?(?:for )?(?:the |a )?(?:long|permanent|eternal|endless|final|big) sleep",
        r"sleep (?:is|was|will be|would be|'s) (?:the )?(?:permanent|eternal|final|forever) (?:kind|one|sort)",
        r"dying (?:sounds?|seems?|feels?|looks?) (?:\w+ )?(?:restful|peaceful|appealing|tempting|nice|easier|better|like (?:a )?relief)",
        r"(?:wouldn't|would not|won't|will not) (?:fight|resist|stop) it if (?:something|someone|anything|it|a \w+|the \w+) (?:killed|took|hit|finished) me",
        r"thoughts? (?:about|of) (?:dying|death|not being here|not existing)",
        r"(?:think|thinking|thought) (?:about|of) (?:dying|death|not being here|not existing) (?:a lot|all the time|constantly|every day|again|more)",
        r"(?:can't|cannot|don't|do not) (?:\w+ ){0,2}?(?:understand|see|work out|figure out|know|get) why i(?:'m| am) still (?:alive|breathing)",
        # the idiom taken at its word: "this job is killing me and I'd welcome it"
        r"killing me\b.{0,40}?\b(?:i'd|i would|i'll|i will) (?:\w+ )?(?:welcome|not mind|be glad of) it",
        r"(?:killing me|kill me|the death of me|the end of me)\b.{0,60}?\b(?:fine|ok|okay|happy|glad|relieved) if (?:it|they|this|that) (?:sped|speeds|hurried|hurries|got|gets) (?:up|on with it)",
        r"(?:pray|praying|prayed|hope|hoping|hoped) (?:that )?the (?:scan|tests?|results?|biopsy|lump)s? (?:shows?|finds?|comes? back|is|are) (?:something )?(?:bad|serious|terminal|cancer|malignant)",
        r"if (?:the |my )?(?:scan|tests?|results?|biopsy|lump)s? (?:shows?|finds?|comes? back|is|are|turns? out) (?:to be )?(?:something )?(?:bad|serious|terminal|cancer|malignant)\b.{0,40}?\b(?:wouldn't|would not|won't|don't think i'd|not sure i'd|i'd not) (?:fight|treat|resist|bother)",
        r"(?:scan|tests?|results?|biopsy|lump)s? (?:came|come|comes) back (?:clear|fine|normal|benign)\b.{0,40}?\b(?:disappointed|gutted|let down)",
        r"(?:wanted|wanting|want|hoped|hoping|wished|wishing) (?:it|this|that|the \w+) (?:to be|was|were|would be) my (?:way out|exit|ticket out)(?! of)",
        r"(?:being dead|death|not waking up|being gone|the dead part|not existing)\b.{0,40}?\b(?:sounds?|sounding|seems?|seeming|looks?|feels?) (?:\w+ )?(?:restful|peaceful|appealing|tempting|like (?:a )?relief|like rest)",
    ),
    # A prayer to be taken in someone's place: "Lord, if You are calling people home, call me instead."
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:call|take) me (?:home )?instead\b",
        context=r"lord|god|jesus|allah|heaven|pray\w*|calling (?:people|them|us) home",
    ),
    # Good news about the writer's health as a disappointment: "Doctor said the scan was clear
    # and I was disappointed."
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:scan|results?|tests?|biopsy|bloods?|mri|x-?ray|lump|ecg)\b[^.!?]{0,30}?\b(?:was|were|is|are|came back|come back|looked) (?:all )?(?:clear|fine|normal|negative|benign|ok|okay|nothing)\b[^.!?]{0,30}?\b(?:i was|i'm|i am|i felt|and felt|felt|i feel) (?:a (?:bit|little) |kind of |so |really |almost )?(?:disappointed|gutted|let down)\b",
    ),
    # A saying about work wearing the writer out, taken up as a wish: "the lads say the night
    # runs will be the death of us ... I caught myself hoping they're right".
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:death of (?:me|us)|kill(?:ing)? (?:me|us)|end of (?:me|us))\b.{0,160}?\b(?:hop(?:e|ing|ed)|wish(?:ing|ed)?) (?:they're|they are|it's|it is|that's|they were|it was|he's|she's|he was|she was) (?:right|true)\b",
    ),
    # Reasons for living that are all that is left: "the only thing keeping me here is my dog",
    # "if I didn't have the kids I'd be gone"; not coffee keeping a tired parent alive.
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"only (?:thing|reason|one|person|people|things) (?:keeping|that keeps|that's keeping|holding|that holds) me (?:here|alive|going|from (?:doing it|ending it))",
        r"(?:if (?:it )?(?:wasn't|weren't|was not|were not) for|if i didn't have|if not for) (?:my |the )?\w+(?: \w+)?,? i(?:'d| would)(?: have)? (?:be |been )?(?:gone|dead|done it|not (?:be )?(?:here|around|alive))(?=\s*(?:[.!,;]|$|by now|already|long ago|years ago))",
        unless=r"coffee|caffeine|tea|sugar|chocolate|wine|gin|beer|spite|red bull|energy drinks?|naps?|snacks?|biscuits?|netflix|podcasts?|music|satnav|sat nav|map|alarm",
    ),
    # Joining the dead, and envying them (C-SSRS: a wish to be dead), only beside a death.
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:i'll|i will|i'm going to|i am going to|i'm gonna|i want to|i wanna|wanting to|can't wait to|ready to|i'll soon) (?:be )?(?:soon )?join(?:ing)? (?:her|him|them|my (?:mum|mom|dad|mother|father|wife|husband|son|daughter|brother|sister|nan|nana|gran|grandma|grandad|grandpa|friend|partner|baby|boy|girl))\b(?! (?:for|at|in|on) )",
        # "Mum died in March. I want to be with her." (not "with her at the end", "this week")
        r"(?:i|i just|i only|i still) (?:want|wanna|long|need) to be (?:with (?:her|him|them)|(?:wherever|where) (?:she|he|they) (?:is|are))(?![ ,]+(?:at|for|on|in|this|tonight|tomorrow|today|through|while|when|as|until|till|now|more|again|and (?:the|my|our))\b)",
        context=r"funeral|service|grave|graveside|passed|died|death|dead|lost (?:her|him|them)|grief|grieving|heaven|buried|ashes|memorial|wake",
    ),
    # Trading places with the dead, only beside a death.
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:i'd|i would|i'd happily|wish i could|i want to) (?:happily |gladly )?(?:swap|trade|change) places",
        context=r"obituar\w*|coffin|funeral|passed (?:away|peacefully|on)|died|dies|death|the dead|grave",
    ),
    # Envy of the dead, only beside a death.
    _rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:envy|envied|envying|envies|envious|jealous)(?! of (?:your|his|her|their) (?:holiday|car|house|job))",
        context=r"obituar\w*|coffin|casket|funeral|passed (?:away|peacefully|on|at)|died|dies|death|the dead|dead people|grave|corpse|hearse",
    ),
    _rule(
        ACTIVE, RiskLevel.MODERATE,
        r"(?:kill|killing|killed|kil)[- ]?my[- ]?self",
        r"kms\b",
        r"unaliv(?:e|ing) (?:my ?self|me)",
        r"(?:thinking|thought|think|thoughts) (?:of|about) unaliv\w*",
        # slang and second-language English: "gonna off myself", "thinking to finish my life",
        # "I want to leave this world"
        r"(?:gonna|going to|want to|wanna|i'll|i will|might|could|should) (?:just )?off my ?self\b",
        r"finish(?:ing)? my (?:own )?life\b(?!'s\b|[- ](?:story|stories|savings|work))",
        r"(?:want|wanna|wish|ready|decided|going|thinking|think|thought) (?:about |of )?(?:to )?(?:leave|leaving) (?:this|the) world\b(?! (?:a|better|behind|of)\b)",
        r"ideation",
        r"suicide (?:feels|seems|is|looks) like (?:the only|my only|a|an) (?:way|option|answer|escape)",
        r"end(?:ing)? (?:my (?:own )?life|it all\b|my suffering|things for good|my existence|my own existence)",
        r"take my (?:own )?life",
        # British: "the thought of doing myself in"
        r"(?:thought|thoughts|thinking|think|want|wanted|wanna|going|gonna|urge|considering|considered) (?:\w+ ){0,2}?(?:of |about |to )?(?:doing|do) my ?self in\b",
        r"(?:want|wanted|wanting|wanna|going|gonna|plan|planning|ready|thinking about|think about|thought about|feel like|felt like|feeling like) (?:to )?end(?:ing)? it(?! with| between| off)(?: all| for good| now| tonight| soon| again(?! with)| after| before| this| on \w+day| once| when| for (?:months|weeks|years|ages|a while)|\b(?! \w))",
        r"suicidal",
        r"unalive thoughts",
        r"suicid(?:e|al) (?:thoughts|ones)\b",
        r"suicide (?:has been|is|'s been|keeps) (?:on|in|coming into) my (?:mind|head)",
        r"(?:suicide|killing myself|ending it all|ending my life) (?:still )?on my mind",
        # "the idea of suicide keeps popping up like an advert i can't close"
        r"(?:suicide|killing myself|ending it all|ending my life) (?:keeps|kept|has been|is|'s been) (?:popping|coming|creeping|cropping|sneaking) (?:up|in|back|into)",
        r"(?:suicide|killing myself|ending it(?: all)?|ending my life) (?:keeps|kept|has been|is|'s been) crossing my mind",
        r"(?:brain|mind|head|thoughts?) (?:went|goes|go|keeps going|kept going) (?:straight |right )?(?:back )?to (?:suicide|killing myself|ending it(?: all)?|ending my life)\b",
        r"(?:brain|mind|head) (?:keeps|kept|is|has been|'s been|'s) (?:offering|suggesting|serving|showing|pitching|throwing|bringing up) (?:me )?(?:up )?(?:suicide|killing myself|ending it|dying)\b",
        r"(?:thoughts?|thinking|think|thought|fantasi[sz]e|fantasi[sz]ing) (?:about|of) (?:(?:the )?suicide(?! (?:of|in|at|rates?|prevention|by)\b)|killing myself|ending (?:it|my life|things)|taking my (?:own )?life)",
        # "thinking about how I'd end things for myself", not "how I'd end things with him"
        r"(?:thinking|thought|think|thinks) (?:about|of) how (?:i'd|i would|i could|i'll|i will|i might|to) (?:end (?:it|things)(?! with| between| off)|end my life|kill myself|take my (?:own )?life)\b",
        r"commit(?:ting)? suicide",
        r"(?:consider|considering|considered|contemplate|contemplating|contemplated) (?:suicide|killing myself|ending (?:it all|my life|things)|taking my (?:own )?life)",
        r"suicide (?:is|seems like) (?:the only|my only|an) (?:way|option|answer)",
        r"(?:want|wanna|going) to (?:hurt|harm) my ?self",
        r"(?:use|using|used|turn|turning|turned) (?:it|them|that|those|the \w+|(?:my )?\w+'s \w+|my \w+) on my ?self",
    ),
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:cut|cutting|cuts|burn(?:ed|t|ing)?|scratch(?:ed|ing)?|hit(?:ting)?|punch(?:ed|ing)?|harm(?:ed|ing)?|hurt(?:ing)?|starv(?:ed|ing)|bit(?:ing)?|carv(?:ed|ing)) my ?self(?! (?:shaving|while|on (?:a|the|some)|slicing|chopping|cooking|at the gym|lifting|running|playing|skiing|falling|by accident|in the kitchen|on the job))",
        r"self[- ]?harm(?:ed|ing)?",
        r"self[- ]?injur(?:y|ed|ing|ies)",
        r"(?:bit|hit|punched|scratched|slapped|pinched|dug (?:my nails )?into) (?:my ?self|my (?:own )?\w+)\b.{0,30}?\bhard enough to (?:bruise|bleed|draw blood|leave (?:a )?marks?|hurt)",
        r"\bsh (?:again|urges?)",
        r"urges? to (?:cut|hurt myself|self[- ]?harm|sh\b|burn myself)",
        r"i (?:cut|cutted) again",
        r"relapsed (?:on|with|into) (?:cutting|self[- ]?harm|sh\b)",
        # found on someone else: "my girlfriend self harms and I found fresh marks today"
        _NOT_SEEN + r"fresh (?:cuts|wounds|scars|marks|burns)",
        r"(?:^|(?<=[,;.] ))cut again\b",
        r"my own (?:cuts|burns)",
        r"(?:started|start|keep|kept|been) (?:\w+ing and )?(?:pinching|bruising|scratching|hitting|punching|burning) my (?:own )?(?:arms?|thighs?|legs?|wrists?|stomach|skin)",
        r"(?:hid|hide|hiding|cover|covering|covered) (?:up )?(?:my|the) (?:fresh |new )?(?:cuts|burns)",
        r"(?:with|holding|had|picked up|got out|grabbed) (?:the|a|my) (?:blade|razor)s? again",
        r"(?:cut|burn(?:ed|t)?|scratch(?:ed)?|bit|hit|punch(?:ed)?|slapped|pinched) (?:my )?(?:arms?|wrists?|thighs?|legs?|skin|stomach|hands?|face|head|knuckles) (?:till|until|on purpose|again|with a)",
        r"(?:on purpose|deliberately) (?:till|until) (?:it|they|i) (?:bled|bleed|split|hurt)",
        r"(?:punch(?:ed|ing)?|hit(?:ting)?|kick(?:ed|ing)?) (?:the |a )?wall (?:on purpose|(?:till|til|until) my (?:knuckles|hands?|fists?))",
        r"wanna (?:cut|burn|sh)(?: so bad| really bad| tonight| again| rn| right now)",
        r"(?:held|put|pressed|kept) my (?:hand|arm|wrist|fingers|palm|skin) (?:on|against|over|under|to) (?:the |a )?(?:hob|stove|cooker|iron|oven door|kettle|radiator|lighter|flame|candle|hot tap|steam|kettle steam|boiling water|hot water|hot pan)\b[^.!?]{0,30}\b(?:on purpose|deliberately|(?:till|until) (?:it|they|the skin) (?:blistered|blisters|burned|burnt|scalded|bled))",
        r"carv(?:ed|ing|e) (?:\w+ ){0,3}?into my (?:own )?(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b",
        # a cut or burn called an accident and then not: "Sliced my thumb 'accidentally'. Wasn't an accident."
        r"(?:sliced|cut|burn(?:ed|t)|scald(?:ed)?|nicked|gashed|slashed) (?:my ?self|my \w+)\b.{0,80}?\b(?:wasn't|was not|weren't|were not) (?:an |really an |exactly an )?accident",
        r"sh'd",
        r"(?:started|start) cutting",
        r"cutting again",
        r"cut deeper",
        r"(?:i|and|then|just|ngl i) cut (?:again|tonight|last night|today|yesterday|this morning|after|before|too deep|really deep|deeper|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        r"^\W*cut (?:again|tonight|last night|today|yesterday)\b",
        # "Clean streak reset. 47 days down to zero. Cut on Sunday."
        r"(?:^\W*|(?<=[.!?] ))cut (?:again|tonight|last night|today|yesterday|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)(?=\s*(?:[.!;]|$))",
        r"cut (?:my )?(?:arms?|wrists?|thighs?|legs?|stomach|hips?|skin)(?! (?:on|by accident|shaving|while|chopping|slicing|open on))",
        r"cut (?:too|really|so|very) deep",
        r"(?:burn(?:ed|t)|cut|scratch(?:ed)?|carv(?:ed)?) my (?:arm|wrist|thigh|leg|stomach|hip)s?(?=\s*(?:[.!,;]|$|again|tonight|today|yesterday|last night))",
        r"(?:i'm|i am|im|i've been|i have been|i still|i keep|i kept|i started|i'm still) cutting(?=\s*(?:[.!,;]|$|again|myself))",
        r"(?:cutting|burning|hurting myself|sh) (?:is|was|has been) (?:how|the only (?:way|thing))",
        r"\bdid sh\b|\bsh (?:yesterday|today|tonight|last night)",
        r"my (?:\w+ ){1,4}?(?:till|til|until) (?:it|they) (?:bled|bleed|bleeds|were bleeding|burned|burnt|blistered|blisters|bruised|bruises|bruise)",
        r"(?:urge|urges|want|wanna|need) to (?:cut|burn|scratch) (?:so bad|really bad|tonight|again|rn|right now)",
        r"(?:burn(?:ed|t|ing)?|scratch(?:ed|ing)?|carv(?:ed|ing)|scrap(?:ed|ing)|bit|bite|biting) (?:my |a line into my |at my )?(?:upper |inner |lower |own )?(?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)\b.{0,40}?\b(?:with (?:a|the|my) (?:lighter|cigarette|candle|compass|blade|razor|pen|scissors|lighters)|raw|till|until|on purpose|where|so (?:nobody|no one)|again)",
        r"(?:the |a |my )?(?:lighter|cigarette|compass|blade|razor|hot \w+) (?:on|into|across|to) my (?:arms?|wrists?|thighs?|legs?|skin|stomach|hips?)",
        # "banging my head against the wall" over a bug is an idiom; doing it till it hurts is not
        r"(?:hit|hitting|banged|banging|bang|punched|punching|slammed|slamming) my (?:own )?(?:head|fists?|arms?|legs?|thighs?|face) (?:against|on|into) (?:the |a )?(?:wall|door|floor) (?:till|until|on purpose|when i|so hard|again|to make|when (?:the |my )?(?:anxiety|panic|anger|rage|urges?|cravings?|thoughts|voices|stress|feelings?|it gets|things get))",
        r"punched my own",
        r"(?:hit|hitting|punched|punching|slapped|slapping|scratched|scratching) my own (?:\w+ )?(?:legs?|arms?|thighs?|face|head|stomach|wrists?|hands?)\b",
        # "did it again, on my thigh this time so nobody sees"
        r"(?:(?:i|and|then|just|so|i've|ive) |(?<![a-z] ))(?:did|done) it again\b[^.!?]{0,20}?\b(?:on|to|into) my (?:thighs?|arms?|wrists?|legs?|hips?|stomach)\b",
        r"(?:did|do|done|doing) (?:what i (?:always|usually) do|it again|the usual|the thing|that thing) with (?:the|my|a) (?:compass|blade|razor|lighter|scissors)\b",
        r"(?:picked|picking|pick|scratched|scratching|dug|digging) (?:at )?(?:the |my )?(?:old )?(?:scars?|scabs?|cuts?|wounds?) (?:till|until|so) (?:they|it) (?:bled|bleed|bleeds|opened|open)",
        r"(?:snap(?:s|ped|ping)?|flick(?:s|ed|ing)?|ping(?:s|ed|ing)?) (?:a |an |the |my )?(?:hair ?(?:bobble|tie|band)|rubber ?band|elastic(?: band)?|bobble|band)s? (?:on|against|at) (?:my )?(?:wrists?|arms?)\b.{0,40}?\b(?:bled|bleed|bleeding|bruis\w*|welts?|raw|broke the skin|over and over|till|until)",
        r"(?:dug|digging|dig|pressed|pressing) my (?:nails|fingernails) into my",
        r"(?:blade|razor|compass)(?:'s| is|s are| are)? in (?:the|my) \w+\b.{0,40}?\bi (?:keep thinking|can't stop thinking|keep going back|think) (?:about|to) (?:it|them|using)",
        # 6. "new cuts on my thigh", not "new cuts on my legs from the brambles"
        _NOT_SEEN + r"new (?:cuts|burns) on my (?:arms?|wrists?|thighs?|legs?|stomach|hips?|skin)\b(?! from)",
        r"(?:\bsh\b|self[- ]?harm) relapse",
        # "94 days without cutting and I threw it away", not "90 days without cutting sugar, blew it"
        r"\d+ (?:days|weeks|months|years) (?:\w+ )?(?:without|free of|clean of|clean from) (?:cutting|self[- ]?harm\w*|sh|hurting myself|burning myself)(?=\s*(?:[.,;!]|and\b|but\b|$)).{0,40}?\b(?:threw it away|blew it|broke|ruined|gone|relapsed|reset|ended|lost it)",
        r"relapsed (?:and |with |into |on )?(?:cut|cutting|burn\w*|sh\b|self[- ]?harm|the blade|blades?|the razor|razors?)",
        r"relapsed (?:last night|today|yesterday|again|this morning|tonight)\W+(?:with )?(?:sh|self[- ]?harm|cutting|cut|burning)\b",
        r"blades?\b[^.!?]{0,30}[.!?,]?\s*(?:i'm )?trying not to (?:look|use them|use it|touch them|think about them)\b",
        r"(?:don't|didn't|do not|did not) deserve (?:to eat|food|dinner|lunch|breakfast)",
        r"(?:skip(?:ped|ping)?|starv(?:e|ed|ing)|restrict(?:ed|ing)?|didn't eat|not eating|haven't eaten|not eaten|ate nothing|eaten nothing|no food)\b.{0,60}?\b(?:punish(?:ment|ing|ed)?|on purpose|what i (?:get|deserve) for)",
        r"cutting (?:my )?(?:arms?|wrists?|thighs?|legs?|stomach|hips?|skin)\b(?! (?:on|by accident|shaving|while|open on))",
        r"made myself (?:sick|throw up|vomit) (?:after|because|on purpose|again|so i)",
        rf"(?:took|taking|take|doubled? up(?: on)?) (?:a few |some |a couple (?:of )?|a handful of |a load of |way |far |loads |too many |a lot )?(?:extra |more )?(?:of )?(?:my |mum's |mom's |dad's |his |her |the )?(?:\w+ )?(?:{_PILLS}|prescription)\b.{{0,50}}?\b(?:knock (?:myself|me) out|numb|switch off|not feel|stop feeling|feel nothing|not feel anything|not to die|not trying to die)",
    ),
    # Rehearsing it in the head, beside a place or a means: "I walk it through in my head,
    # after the last bus, the level crossing".
    _rule(
        PLAN, RiskLevel.HIGH,
        r"(?:walk|walked|walking|run|ran|running|go|went|going) (?:it|myself) through in my head",
        context=rf"level crossing|tracks|railway|bridge|roof|ledge|cliff|rope|noose|{_PILLS}",
    ),
    # Thought through, beside a means: "the pills in the bathroom cabinet, that's it. thought
    # it all through on the bus".
    _rule(
        PLAN, RiskLevel.HIGH,
        r"thought it (?:all )?through|(?:worked|figured) it all out|(?:i've|i have|i've got|got|have) it (?:all )?(?:worked|figured) out|(?:i've|i have) (?:worked|figured) it (?:all )?out|(?:i've|i have) got it (?:all )?figured\b",
        context=rf"{_PILLS}|guns?|shotgun|rifle|pistol|rope|noose|bridge|tracks|level crossing|cliff|ledge|overdose|car park|multi-?storey|roof|rooftop|access door|rafters|hose|exhaust",
        unless=r"gp|doctor|pharmacist|prescri\w*|dos(?:e|age)|taper\w*|hunting|deer|season|range|clay|licen[cs]e|vet",
    ),
    # Found by someone else, not the one the writer would spare: "a note for the sheriff so she
    # doesn't find me", "a hotel room so my daughter doesn't find me" (not hide and seek).
    _rule(
        PLAN, RiskLevel.HIGH,
        r"so (?:she|he|they|my \w+|the kids|mum|mom|dad) (?:doesn't|don't|won't|wouldn't|does not|will not) (?:have to )?find me\b",
        unless=r"hid(?:e|ing)?|seek|games?|surprise|party|present|gifts?|sneak\w*|late|skiving|bunking",
    ),
    # A condition, then "I know how": "if i fail this semester i know how", "if he doesnt call
    # back im done. i know how" (not "if the printer jams, I know how to fix it").
    _rule(
        PLAN, RiskLevel.HIGH,
        r"\bi (?:already )?know (?:how|where|what i(?:'ll|'d| will| would) do|what i'm doing)(?=\s*(?:[.!]|$))",
        r"\bi know (?:exactly )?which (?:bridge|floor|tree|cliff|building|car park|multi-?storey|pills|tablets|rope)\b",
        context=r"if\b.{0,40}?\b(?:fail\w*|leaves?|lose|loses|divorce\w*|find out|finds out|doesn'?t|don'?t|won'?t|results?|goes (?:bad|wrong|against)|takes? the kids|custody|appeal|tribunal|refused|reject\w*|sack\w*|fired|evict\w*)",
        unless=r"printer|fix\w*|excel|code|recipe|cook\w*|bak\w*|knit\w*|sew\w*|drive|swim|tie|plumb\w*|wire|assemble|install\w*",
    ),
    # Going over it again, beside a means: "went through it all again: the pills, some weekend
    # when Tom's away", "went over it again, the quiet lay-by, the hose".
    _rule(
        PLAN, RiskLevel.HIGH,
        r"(?:went|go|going|been going|gone) (?:through|over) (?:it|the plan) (?:all )?again\b",
        context=rf"{_PILLS}|rope|noose|hose|exhaust|gun|rifle|shotgun|pistol|bridge|tracks|cliff|lay-by",
        unless=r"exams?|revision|notes|lines|script|speech|presentation|accounts|budget|receipts|dance|routine|recipe",
    ),
    _rule(
        PLAN, RiskLevel.HIGH,
        r"so (?:the neighbou?rs|nobody|no one|no-one|they|the kids|mum|mom) (?:wouldn't|won't|would not|will not|don't|doesn't) hear\b",
        context=r"gun|rifle|shotgun|pistol",
        unless=r"hunting|deer|season|range|clay|pheasants?|rabbits?|pigeons?|crows|foxes|vermin|grouse|ducks?|stalking|targets?",
    ),
    # The plan in place, beside a means: "the plan's all there: when he's away on the rig, the
    # garage, the car".
    _rule(
        PLAN, RiskLevel.HIGH,
        r"the plan(?:'s| is) (?:all )?(?:there|ready|sorted|in place|set)\b",
        context=rf"{_PILLS}|rope|noose|garage|car|hose|gun|rifle|bridge|tracks|cliff|woods",
        unless=r"wedding|party|holiday|trip|birthday|move|moving|surprise|meeting|project|launch",
    ),
    # A means named as what follows a loss: "If we lose the farm it'll be the shotgun in the top
    # field", "If she leaves me I'm taking Grandad's gun out to the woods".
    _rule(
        PLAN, RiskLevel.HIGH,
        r"if\b[^.!?]{2,80}?\b(?:it'll be|it will be|then it's|i'm taking|i'll take|i'm using|i'll use) (?:the |my |\w+'s )?(?:gun|shotgun|rifle|pistol|rope|noose)\b",
        rf"if\b[^.!?]{{2,80}}?\b(?:it'll be|it will be|then it's) (?:the |my |\w+'s )?(?:{_PILLS}|bridge|tracks|level crossing|cliff)\b(?! (?:route|road|path|way|again|instead|first))",
        rf"if\b[^.!?]{{2,80}}?,\s*(?:the |my |\w+'s )?(?:{_PILLS}|gun|shotgun|rifle|pistol|rope|noose|bridge|tracks)\b[^.!?]{{0,40}}?,\s*that's it\b",
        # a list that opens the note: "pills, the woods, a night mum's away", "Dad's rifle, the woods"
        rf"^\W*(?:\w+'s )?(?:the |my )?(?:{_PILLS}|rope|rifle|gun|shotgun|pistol|hose)\W*,\s*(?:the )?(?:woods|river|bridge|garage|car|lay-by|sea|cliffs?|forest|loft|shed|barn|quarry)\b",
        # "if the results are bad, ive got my way out"
        r"if\b[^.!?]{2,60}?,?\s*(?:i've|ive|i have) got (?:my|a) way out(?=\s*(?:[.!,;]|$))",
        # "if she leaves, the river."
        rf"if\b[^.!?]{{2,60}}?,\s*(?:the |my )?(?:river|bridge|tracks|{_PILLS}|rope|gun|cliffs?|multi-?storey)(?=\s*(?:[.!]|$))",
        r"if\b[^.!?]{2,80}?\b(?:i'm going|i'll go|i'm gonna go|i'm jumping|i'll jump|i'm going to jump|i'm walking|i'll walk|i'll step|i'm stepping) (?:off|from|in front of) (?:the |a |that )?(?:top of (?:the |a )?)?(?:multi-?storey|car park|roof|bridge|cliff|building|tower|flyover|overpass|tracks|train)\b(?! (?:exit|road|junction|slip))",
        unless=r"hunting|deer|season|range|clay|pheasants?|rabbits?|pigeons?|crows|foxes|vermin|grouse|ducks?|stalking|targets?|pain|aches?|headaches?|migraines?|cold|flu|fever|hay ?fever|allerg\w*|sleep|traffic|rain\w*|snow\w*|storm\w*|wet|windy|weather|sunny|hot|swim\w*|dip|tombstoning|bungee|zip ?wire|abseil\w*",
    ),
    # Climbing: "went back alone, no rope, meaning to do it".
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:no|without (?:a|the|my)) rope\b.{0,40}?\b(?:meaning|intending|planning|going|wanting) to (?:do it|jump|let go|fall)",
    ),
    # Up high or on the line, not for the view or the gutters: "I'm on my building's roof now".
    _rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:i'm|i am|im) (?:standing |sitting )?(?:on|at) (?:the|my|our|(?:my |the |our )?\w+'s) (?:edge|ledge|bridge|roof|tracks|rooftop)",
        r"^\W*(?:up )?on the roof(?: of (?:the|my|our) \w+)?(?=\W*(?:[.!,]|$))",
        unless=r"fix\w*|repair\w*|tiles?|gutters?|aerial|antenna|solar|chimney|roofer|scaffold\w*|fireworks|sunset|sunrise|view|party|drinks|bbq|barbecue|sunbath\w*|photos?|garden|terrace bar|stars",
    ),
    # A place of danger and a goodbye: "At the level crossing now. Barriers are down. Sorry Marge."
    _rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:at|on) the (?:level crossing|railway (?:line|tracks)|train tracks|tracks|cliff edge|cliff top|clifftop|ledge|bridge|roof|rooftop) (?:right )?now\b.{0,60}?\b(?:sorry|goodbye|forgive me|love you all|bye)\b",
    ),
    # Someone's joke taken to heart: "my friend joked 'I'm gonna kms' about the exam and I
    # laughed but I actually think about it for real".
    _rule(
        ACTIVE, RiskLevel.MODERATE,
        r"i (?:actually|really|genuinely|seriously) (?:do )?(?:think|thought|been thinking) about (?:it|that|doing it|doing that)\b",
        r"(?:think|thought|thinking) about (?:it|that|doing it|doing that) for real\b",
        context_in_note=r"kill(?:ing)? my ?self|kms|unaliv\w*|off my ?self|suicid\w*|end(?:ing)? (?:it all|my life)|(?:want|wanna|wanted) to die|jump(?:ing)? off",
    ),
    # Someone else's thoughts, and now the writer's: "I ask patients about suicidal thoughts
    # every day. Tonight I'm the one having them."
    _rule(
        ACTIVE, RiskLevel.MODERATE,
        r"(?:i'm|i am|im) the one (?:having|with|who has|who's having|who is having) (?:them|those thoughts|those|it)\b",
        context_in_note=r"suicid\w*|kill(?:ing)? (?:my|them|him|her)sel(?:f|ves)|wanting to die|want to die",
    ),
    # An intrusive thought in the second person: "intrusive thought every feed: kill yourself".
    _rule(
        ACTIVE, RiskLevel.MODERATE,
        r"kill yourself|kys\b|you should (?:just )?die|go (?:and )?die|(?:just )?(?:end|off) yourself",
        context=r"intrusive|thoughts?|voices?|my head|brain|inner voice",
        unless=r"chat|game|gaming|lobby|online|comments?|troll\w*|told|said|(?<!voice )(?<!voices )says|dm\w*|messages?|stream\w*|texted|posted|replied|tweet\w*|(?<!voice )(?<!voices )saying|shouted|yelled|screamed|called me",
    ),
    # A means that keeps coming to mind: "rope in the lambing shed keeps crossing my mind".
    _rule(
        METHOD, RiskLevel.HIGH,
        r"(?:rope|noose|gun|shotgun|rifle|pistol)\b.{0,40}?\b(?:keeps?|kept) (?:crossing|coming into|popping into|creeping into|drifting into) my (?:mind|head)\b",
        unless=r"order\w*|buy\w*|bought|climb\w*|shop\w*|hunt\w*|range|season|clean\w*|licen[cs]e|sell\w*|sold|fix\w*|repair\w*",
    ),
    # The thought of going over, beside a high place or a railway: "crossed the footbridge over
    # the railway and the thought of climbing over and jumping came back".
    _rule(
        METHOD, RiskLevel.HIGH,
        r"(?:thoughts?|thinking|think|urge|pull|wonder(?:ing|ed|s)?) (?:of|about) (?:(?:climbing|going|getting) (?:over|up|out)(?: \w+){0,2} and )?(?:jumping|stepping (?:off|out)|going over|letting go|throwing myself|unclipping|climbing over)\b",
        r"(?:just )?stepping (?:off|over) the edge\b",
        r"(?:picture|picturing|pictured|imagine|imagining|imagined) (?:myself )?(?:stepping (?:forward|off|out)|jumping|going over|letting go)\b",
        context=r"bridge|footbridge|railway|platform|roof|rooftop|cliff|ledge|balcony|tracks|train|motorway|multi-?storey|car park|tower|overpass|flyover|edge|window|oak|tree|harness|crane|scaffold\w*|pylon|mast",
        unless=r"skydiv\w*|parachut\w*|bungee|diving board|tombstoning|pool|swim\w*|into the (?:sea|lake|river|water|pool)|plane|trampoline|puddle|queue",
    ),
    # A high place or a railway that has come to feel like an answer.
    _rule(
        METHOD, RiskLevel.HIGH,
        # "I laughed too. I've actually been thinking about the roof for real."
        r"(?:actually|really|seriously) (?:been )?(?:thinking|thought) about (?:the |that )?(?:roof|bridge|tracks|ledge|cliff|rope|noose|gun|pills)\b|(?:thinking|thought) about (?:the |that )?(?:roof|bridge|tracks|ledge|cliff|rope|noose|gun|pills) for real\b",
        r"(?:window|balcony|bridge|roof|rooftop|tracks|train line|railway line|railway|ledge|cliff|drop|overpass|flyover|motorway)\b[^.!?]{0,50}?\b(?:looks?|looked|looking|seems?|seemed|feels?|felt|(?:started|starting|begun|begin) to (?:look|feel|seem))\b[^!?]{0,30}?\blike (?:an? |the )?(?:answer|option|way out|solution|exit)\b(?!\s+(?:to|for|of)\b)",
    ),
    # A means named, then thought of constantly: "that train line behind the estate. thinking
    # about it constantly", "rope. that's all I think about lately".
    _rule(
        METHOD, RiskLevel.HIGH,
        r"thinking about (?:it|them|that) (?:constantly|all the time|nonstop|non-stop|every day|every night|day and night)",
        r"(?:that's|it's) all i (?:can |could )?(?:think|thought) about",
        r"(?:can't|cannot|couldn't|can not) stop thinking about (?:it|them|that)\b",
        context=r"train line|railway line|tracks|rope|noose|ledge|the drop|cliff edge|multi-?storey",
    ),
    # "gun shop near work had a sale sign. I stood outside thinking about buying one for myself."
    _rule(
        METHOD, RiskLevel.HIGH,
        r"(?:thinking|thought) about buying (?:a gun|a rifle|a shotgun|a pistol|one)\b[^.!?]{0,20}?\bfor myself\b",
        context=r"guns?|rifles?|shotguns?|pistols?|firearms?",
    ),
    # Someone else's medicine thought of for the writer: "The tablets the vet gave for the old
    # dog. I keep looking at them and thinking about me, not him."
    _rule(
        METHOD, RiskLevel.HIGH,
        r"(?:thinking|think|thought) (?:about|of) (?:me|myself),? not (?:him|her|them|the \w+)\b",
        context_in_note=rf"{_PILLS}|drugs?|drug cupboard|rope|gun|shotgun|rifle",
    ),
    # Reading up on a method and hiding it: "reading about overdoses on my phone. Deleted the
    # history."
    _rule(
        METHOD, RiskLevel.HIGH,
        r"(?:read|reading|researching|researched|googling|googled|looking up|looked up) (?:about |up on |into )?(?:overdoses|ways to die|suicide methods|lethal doses|how to (?:die|overdose|hang))\b",
        context_in_note=r"delet\w* (?:the |my )?(?:search |browser |browsing )?history|clear\w* (?:the |my )?(?:search |browser |browsing )?history|incognito|private (?:tab|window|browsing)",
    ),
    # A window that opens all the way, high up: "16th floor and the bedroom window opens all
    # the way".
    _rule(
        METHOD, RiskLevel.HIGH,
        r"window (?:\w+ ){0,3}?(?:opens|goes) all the way\b",
        context=r"\d+(?:st|nd|rd|th) floor|\w+th floor|storey|high up|tower block",
        unless=r"breeze|air\w*|ventilat\w*|fresh air|hot|heat|stuffy|cool|smoke|smell|paint\w*|cat|safety",
    ),
    # Medicine at home, thought of: "lately I actually think about it myself, and about the
    # paracetamol in the bathroom cabinet".
    _rule(
        METHOD, RiskLevel.HIGH,
        rf"(?:think|thinking|thought) (?:\w+ ){{0,6}}?about (?:the |that |those |my )?(?:[\w']+ ){{0,3}}?{_PILLS} (?:in|on) (?:the |my )?(?:\w+ )?(?:drawer|cupboard|cabinet|bedside|shelf)\b",
        unless=r"repeat|refill|prescription|pharmacy|expir\w*|out of date|run(?:ning)? out|stock|order\w*|dispos\w*|tidy|sort(?:ing)? out|recycl\w*|child ?lock|locked|lock",
    ),
    # Medicine taken all at once, in thought: "all of them at once, i keep thinking".
    _rule(
        METHOD, RiskLevel.HIGH,
        r"all of (?:them|it) at once\b",
        context=r"think\w*|thought",
        context_in_note=_PILLS,
    ),
    # Whether a fall would be quick, up high
    _rule(
        METHOD, RiskLevel.HIGH,
        r"whether (?:it|the fall|the drop|that|the jump) would be (?:quick|painless|enough|fast|instant)",
        context=r"high|fall|drop|jump|edge|roof|terrace|bridge|balcony|tracks|train|tower|cliff|floor",
    ),
    # One fresh cut, on the body and not at the barber's or in a vase.
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        _NOT_SEEN + r"(?:a |one )?fresh cut\b",
        context=r"arms?|wrists?|thighs?|legs?|sleeves?|skin|stomach|hips?|plasters?|bandages?",
        unless=r"barber\w*|haircut|hair|fade|flowers?|grass|lawn|fries|roses|tulips",
    ),
    # Hidden harm come back: "pinching and scratching again ... hiding it from my counsellor"
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:pinching|scratching|hitting|punching|burning|biting|bruising)(?:,? and (?:pinching|scratching|hitting|punching|burning|biting|bruising))? (?:myself )?again\b",
        context=r"hid(?:e|ing)?|counsell?or|therapist|urges?|punish\w*|marks|sleeves",
        unless=r"eczema|itch\w*|rash|mosquito\w*|bites|hives|allerg\w*|chickenpox|psoriasis|cats?|dogs?|puppy|kitten|baby|toddler",
    ),
    # Marks explained away with a lie: "Told her it was the gym. It wasn't."
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:told (?:her|him|them|\w+)|said|say|says) it was (?:the |a |my )?\w+(?: \w+)?\W+it (?:wasn't|was not|isn't)\b",
        context=r"marks|cuts|scars|bruises|burns|arms?|thighs?|wrists?|legs?|bandages?|plasters?|dressings?",
    ),
    # The state of an arm after a relapse: "relapsed. 4 months down the drain. arm's a mess"
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:arms?|wrists?|thighs?|legs?)(?:'s| is| are) (?:a (?:mess|state)|cut up|in (?:a|such a) (?:mess|state)|wrecked)",
        context=r"relaps\w*|(?:days|weeks|months|years) (?:down the drain|gone|wasted)|streak|clean|sh|self[- ]?harm|blade|razor|compass",
    ),
    # Restriction as punishment: "only let myself eat an apple. Didn't deserve more."
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"only (?:let|allowed?) myself (?:to )?(?:eat|have)\b",
        context=r"deserve\w*|punish\w*",
    ),
    # A blade thought of for the body: "kept looking at the knife thinking about using it on my
    # legs again".
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:use|using|used) (?:it|them|the \w+|a \w+|my \w+) on my (?:arms?|legs?|wrists?|thighs?|skin|stomach|hips?)\b",
        context=r"knife|knives|blades?|razors?|compass|scissors|lighter|sharpener",
    ),
    # Marks found, and done again: "my mom found the marks on my wrists ... i only did it twice
    # this week"; started on the body with scissors in hand.
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:i )?(?:only )?did it (?:\w+ ){0,2}?(?:twice|again|once|three times|a few times) (?:this|last) (?:week|month)\b",
        r"(?:started|start|starting) on my (?:thighs?|arms?|wrists?|legs?|skin|stomach)\b",
        context=r"marks|cuts|scars|wrists?|arms?|thighs?|blades?|razors?|scissors|knife|compass",
    ),
    # A wound's cover story denied: "My mum thinks the bandage is from the kitchen at work. It's not."
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:^|(?<=[.!?] ))(?:it's not|it is not|it isn't|they're not|they are not|they aren't|it wasn't|it was not|they weren't)\W+i (?:did|do|done) (?:it|them|that)\b",
        context=r"(?:bandages?|plasters?|marks|cuts|scars|bruises|burns|dressings?) (?:is|are|was|were|came|come) (?:from|because of)",
    ),
    # Old cuts opened again: "the scars were fading and I opened them again".
    _rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:re-?)?open(?:ed|ing)? (?:them|it|the \w+|my \w+) (?:up )?(?:again|back up)",
        context=r"scars?|cuts?|wounds?",
    ),
    _rule(
        METHOD, RiskLevel.HIGH,
        rf"(?:all|enough|a (?:whole )?bottle of|the whole bottle of|a handful of|a bunch of|every one of) (?:of )?(?:my |the |those )?{_PILLS}\b(?! (?:with me|on holiday|to (?:the|my) \w+|into (?:the|my|a) (?:bag|case|suitcase|box|dosette|organi[sz]er)|back to)\b)",
        # not the noun of news and work: "the overdose crisis", "overdose-alert feature"
        r"(?<!the )overdos(?:e|ing)\b(?![- ](?:alerts?|crisis|prevention|management|awareness|deaths?|epidemic|rates?|figures|statistics|kits?|training|reversal|response|risk|cases?|patients?))",
        r"\bod (?:on|tonight)",
        r"hang(?:ing)? my ?self",
        r"(?:rope|noose) (?:around|round) my neck",
        r"(?<!bungee )(?<!bungee-)jump(?:ing)? (?:off|from|in front of) (?:a |the |my |that )?(?:bridge|roof|building|balcony|cliff|train|bus|car|traffic|window|ledge|overpass|tower|parking garage)",
        r"(?:step|stepping|walk|walking|throw myself) (?:in front of|into|under) (?:a |the )?(?:train|bus|traffic|truck|car|river|sea)",
        r"(?:sea|ocean|lake|river|waves|water|tide)\b.{0,60}?\b(?:walk|walking|walked|swim|swimming|swam|wade|wading|waded) (?:in|out|into (?:it|them|the \w+)) and (?:not|never) (?:coming|come|came) back",
        r"(?:swim|swimming|swam|walk|walking|wade|wading) out (?:into (?:the )?\w+ )?(?:until|till|til) i (?:can't|cannot|can not|couldn't|could not)\b",
        r"shoot(?:ing)? my ?self",
        r"(?:slit|slitting|cut|cutting) my (?:wrists?|throat)",
        r"drown(?:ing)? my ?self",
        r"drive (?:my car |the car )?(?:into|off) (?:a |the )?(?:wall|tree|bridge|cliff|river|oncoming traffic|lake|road)\b",
        r"carbon monoxide",
        r"how (?:high|tall|far down) (?:the|that|a) (?:\w+ ){0,2}?(?:bridge|building|roof|drop|fall|multi-?storey|car park|tower|cliff)",
        r"(?:gun|rifle|shotgun|pistol|pills|tablets|rope)(?:'s| is| are)? in the \w+\b.{0,30}?\bi (?:think|keep thinking|keep going back to it|can't stop thinking) about (?:it|them|using)",
        rf"how many (?:of )?(?:my |the |those |his |her )?(?:\w+ )?{_PILLS}",
        r"(?:gun|pills|tablets|meds|rifle|shotgun)\b.{0,60}?\bi know where\b",
        r"(?:know|found) where (?:\w+ ){0,2}(?:keeps?|hides?|kept|hidden|locks?) (?:the |his |her |my )?(?:gun|pills|tablets|meds|rifle|shotgun)",
        r"(?:check(?:ed|ing)?|test(?:ed|ing)?|wonder(?:ed|ing)?) (?:how strong|if|whether) (?:the |that )?(?:shower rail|beams?|branch|banister|bannister|door ?frame|loft hatch|tree|rafters?|joists?)\b",
        r"(?:hold|take|bear) my weight",
        r"lethal dose",
        r"(?:look(?:ed|ing|s)? up|read(?:ing)? up on|search(?:ed|ing)? up|googl(?:ed|ing)) (?:drowning|hanging|overdos\w*|lethal dos\w*|ways to die|how to die)\b(?! (?:statistics|stats|prevention|signs|rates|figures|first aid|for (?:my|the|a) (?:course|class|essay|assignment|exam|module)))",
        # "kept thinking about pulling the wheel hard into the concrete"
        r"(?:thinking|thought|think|urge|wanted|want|tempted|fantasi\w*|imagin\w*|pictur\w*) (?:about |to |of )?(?:just )?(?:pulling|pull|yanking|yank|jerking|jerk|turning|turn|swerving|swerve) the (?:steering )?wheel\b[^.!?]{0,20}?\b(?:(?:into|towards?|across) (?:the |a |that |an )?(?:oncoming |central )?(?:concrete|barrier|reservation|wall|tree|lorry|truck|traffic|bridge|pillar|bus|river|quarry|ditch)|at speed)\b",
        # "all I could think about was the bottle of sleeping tablets in the drawer"
        rf"(?:all i (?:can |could )?(?:think|thought) about (?:is|was)|(?:can't|cannot|couldn't) stop thinking about|(?:keep|kept) thinking about) (?:the |that |those |my |a )?(?:[\w']+ ){{0,5}}?{_PILLS} (?:in|on) (?:the |my )?(?:\w+ )?(?:drawer|cupboard|cabinet|bathroom|table|bedside|shelf|box)\b",
        r"all i (?:can |could )?(?:think|thought) about (?:is|was) (?:the )?(?:drop|fall|rope|noose|ledge|edge|tracks)\b(?![- ](?:in|of|off|at|zone|shot|ride|tower|bars?)\b)",
        # "I keep thinking about the pistol in the safe and how quick it would be"
        r"(?:thinking|think|thought) about (?:the |my |dad's |\w+'s )?(?:gun|pistol|rifle|shotgun|revolver|rope|noose|beam|tracks|bridge|ledge|cliff|drop)\b[^.!?]{0,40}?\bhow (?:quick|quickly|easy|easily|fast|painless|simple) it (?:would|'d|will|could) be\b",
        r"(?:think|thinking|thought) about (?:just )?(?:swallowing|taking|downing|injecting) (?:all of (?:them|it)|the lot|it all|them all|the whole (?:\w+ )?(?:lot|box|bottle|packet|supply)|every (?:one|pill|tablet)|everything in the (?:\w+ )?(?:cabinet|cupboard|drawer))\b",
        # "keep thinking about the rope in the shed"
        r"(?:thinking|think|thought) about (?:the |that |my |\w+'s )?(?:rope|noose|gun|shotgun|rifle|pistol|belt|cord) in the (?:shed|garage|loft|attic|barn|cupboard|wardrobe|safe|cabinet|drawer)\b",
        # "looking at the beam I thought, that would hold me"
        r"(?:that|it|this|the \w+) (?:would|could|will|'d) (?:hold|take) (?:me|my weight)(?=\s*(?:[.!,;]|$))",
        r"how high is high enough\b",
        r"let (?:it|the (?:river|sea|water|waves|current|tide)) take me\b",
        r"(?:googled|googling|searched|searching|looked up|looking up) painless ways?\b",
        r"(?:read\w*|research\w*|googl\w*|look\w* up|search\w*) (?:about |up on |into )?(?:car )?exhaust (?:stuff|gas|pipe|fumes)\b",
        r"(?:wonder\w*|thinking|thought|think) (?:about )?how long it (?:would|'d|will) take (?:to|for me to) (?:go under|drown|sink|bleed out|die|pass out|stop breathing|fall(?! asleep| pregnant| in love))\b",
        r"(?:looked|looking|staring|stared|stare) at (?:the|that) (?:beam|rafters?|banister|bannister|rope|loft hatch|hook|branch)\b[^.!?]{0,40}?\b(?:thought|thinking) about it\b",
        r"(?:drowning|hanging|jumping|an overdose|overdosing|crashing the car|crashing|driving off) (?:sounds?|seems?|looks?|feels?) (?:\w+ )?(?:restful|peaceful|appealing|tempting|easy|easier|quick|painless|like (?:an|the) (?:answer|option|way out))\b",
        r"(?:search\w*|googl\w*|look\w* up|research\w*|read\w* (?:up )?(?:about|on)|wonder\w*) how long (?:it )?(?:takes? )?(?:to )?(?:bleed out|die from|drown|suffocate|pass out from)",
        r"(?:read\w*|research\w*|googl\w*|look\w* up|think\w*|thought) (?:about |up on |into )?(?:\w+ ){0,2}(?:exhaust|car) fumes\b",
        r"(?:heights?|falls?|drops?) (?:that|which) (?:kill|would kill|are (?:fatal|lethal))\b(?!\s+(?:your|my|his|her|the|it|them)\b)",
        r"how (?:many|high) (?:storeys|stories|floors|metres|meters|feet) (?:up )?(?:you'd|you would|i'd|i would|it'd|it would|do you|does it) (?:need|have to be|take)\b",
        r"(?:use|using|used) (?:my |the |a |his |her )?(?:\w+'s )?(?:gun|rifle|pistol|shotgun|knife|rope|belt) on my ?self",
        r"(?:search(?:ed|ing)?|googl(?:ed|ing)|look(?:ed|ing) up|research(?:ed|ing)?|read(?:ing)? up on) (?:for )?(?:\w+ ){0,2}(?:ways?|methods?|how) to (?:die|kill myself|end it|end my life|overdose)",
        r"(?:search(?:ed|ing)?|googl(?:ed|ing)|look(?:ed|ing) up|research(?:ed|ing)?) (?:\w+ ){0,2}(?:overdose|suicide|lethal) (?:stuff|things|methods|info|doses?)",
        r"look(?:ing|ed)? at (?:the )?(?:knives|pills|tablets|bridges?|tracks|trains|ropes?|cliffs?|balcony|windows?|car park|rooftops?) (?:\w+ ){0,3}differently",
        r"look(?:ing|ed)? at (?:the |my |his |dad's |grandad's )?(?:gun|shotgun|rifle|pistol|pills|tablets|knives|rope|tracks|bridge)\b.{0,30}?\b(?:in a (?:new|different|bad) way|in a way i (?:never|didn't|shouldn't))",
        rf"(?:which|what|how many) (?:of )?(?:\w+ ){{0,2}}(?:{_PILLS}|drugs?) (?:could|would|might|will) (?:end it|kill me|do it|be enough)",
        r"(?:bridge|jumping|train|tracks|pills?|rope|overdose|drowning|hanging) thoughts",
        r"(?:painless|easiest|quickest|best) (?:ways?|methods?) to (?:die|go|end it|kill myself)",
        r"how easy it would be to (?:just )?(?:go over|jump|step (?:off|out|forward|in front)|drive off|swerve|let go|fall)",
        r"(?:whether|if|which|wondering|wondered|wonder) (?:[\w']+ ){0,5}?(?:would|'d|will|could|might) be (?:enough|strong enough) to (?:kill me|not wake up|never wake up|end it|do it)",
        r"(?:gun|rifle|pistol|shotgun|pills|meds)\b.{0,60}?\bi (?:know|have) the (?:code|combination|key)",
        r"(?:the |that )?(?:drop|fall|jump) (?:from|off) (?:my|the|our|that) (?:\w+ )?(?:window|balcony|roof|bridge|ledge|cliff)\b.{0,40}?\b(?:all i (?:can )?think about|keep thinking about|i think about|calling|tempting)",
        r"(?:think|thinking|thought|picture|picturing|pictured|imagine|imagining|imagined) (?:about )?(?:the )?(?:drop|fall|jump) (?:from|off) (?:my|the|our|that) (?:\w+ )?(?:window|balcony|roof|bridge|ledge|cliff)",
        r"(?:crash(?:ing)?|swerv(?:e|ing)|driv(?:e|ing)|steer(?:ing)?) (?:the car )?(?:into|off)(?: (?:a|the))? (?:oncoming|traffic|lorry|lorries|trucks?|tree|wall|bridge|river)",
        r"one (?:turn|twist|flick|jerk) of the wheel and (?:it's|it'd be|it would be|that's) (?:over|it|done)\b",
        r"(?:sea|river|water|canal|lake|tracks|traffic) (?:looks?|seems?|feels?) (?:so |really |very )?(?:easy|tempting|inviting) to (?:walk|step|jump|wade|fall) (?:into|in|off|in front of)\b",
        r"cutting (?:deep|deeper) enough (?:that|to) (?:it's|it is|it'd be|it would be|make it) (?:finished|over|the end)\b",
        r"(?:keep|kept) (?:eyeing|looking at|staring at) (?:the |that )?(?:\w+ )?(?:rafters?|beams?|banister|bannister|loft hatch|hooks?)\b",
        rf"{_PILLS} (?:in (?:the|my) \w+ )?(?:would|'d|will) be (?:quicker|faster|easier|simpler) for me\b",
        r"(?:can't|cannot) stop looking (?:down|over) (?:from|off) (?:the |my )?(?:balcony|bridge|roof|ledge|window|edge)\b(?! at (?:the )?(?:fireworks|view|city|lights|sea|sunset|parade|crowd|garden|street|stars))",
        rf"(?:took|taken|swallowed) (?:the |all the )?(?:\w+ )?{_PILLS} i(?:'ve| have| had|'d) been (?:saving|stockpiling|hoarding|collecting|keeping)\b",
        r"(?:fantasi[sz](?:e|ing)|thinking|thought|think) about (?:driving (?:off|over) the (?:road|edge|cliff|bridge|side)|crashing|swerving|jumping|stepping (?:off|out|forward|in front)|drowning|hanging|leaning (?:back |out )?(?:off|over) the edge|going over the (?:side|edge|railings?|barrier|parapet))",
        r"(?:go|going|went|slip|slipping|slipped|sink|sinking|sank) under (?:the water )?and (?:staying|stay|stayed|not coming (?:back )?up|never coming (?:back )?up)",
        r"(?:balcony|bridge|roof|tracks|river|rope|edge|ledge|window)\b(?: \w+){0,3}? (?:keeps? |kept |is |are |has been |have been )?(?:calling|pulling at) me",
        r"(?:balcony|bridge|roof|rooftop|tracks|train line|ledge)\b(?:\W+\w+){0,4}?\W+(?:looks?|looking|seems?|feels?) (?:really |so |pretty |kinda |more and more |very )?(?:tempting|inviting)",
        r"(?:picture|picturing|pictured|imagine|imagining|imagined|visuali[sz](?:e|ing|ed)) (?:myself )?(?:going|driving|jumping|stepping|falling|swerving|walking|throwing myself) (?:off (?:the |a |that )?(?:overpass|flyover|bridge|cliff|roof|ledge|edge|balcony|car park|multi-?storey)|over the (?:edge|railings?|barrier|parapet|side)|in front of (?:a |the |that )?(?:train|lorry|truck|bus|car|traffic)|under (?:a |the )?(?:train|lorry|truck|bus)|into (?:oncoming )?traffic)\b",
        r"(?:actually |really )?(?:pictured|imagined|visuali[sz]ed) (?:myself )?(?:doing it|jumping|stepping (?:out|off|in front)|going over)(?=\s*(?:[.!,;]|$))",
        rf"(?:staring|stared|stare|sat looking|sitting looking) at (?:the |my |all the |all my |a |that )?(?:{_PILLS}|pill bottles?|bottles? of pills|weedkiller|bleach|rope|noose|razors?|razor blades?|blades?)\b",
    ),
    _rule(
        METHOD, RiskLevel.HIGH,
        rf"\b{_PILLS}\b",
        r"\b(?:rope|noose|gun|pistol|rifle|razor|blades?|bridge|train tracks|rooftop)\b",
        r"know (?:what|how|where) i(?:'d| would) (?:use|do it)",
        r"(?:i )?know the method\b",
        needs_ideation=True,
    ),
    _rule(
        PLAN, RiskLevel.HIGH,
        r"(?:have|got|made|worked out|figured out|came up with) (?:a |the |my )?plan\b",
        r"my plan is",
        r"planned (?:it|how|when|where|out|everything)",
        r"plan(?:ning)? (?:to|on) (?:kill|killing|end|ending|do|doing) (?:myself|it|my life)",
        r"looked up (?:how|ways|methods|the dose|how many|the best way)",
        r"research(?:ed|ing)? (?:how|ways|methods|the best way)",
        r"(?:figured|worked) out (?:how|when|where)",
        r"(?:^|(?<=[.!?] ))(?:i )?(?:already )?know which (?:bridge|floor|tree|beam|cliff|building|car park|multi-?storey|level)(?=\s*(?:[.!]|$))",
        r"worked out where i(?:'d| would) (?:be|stand|go|wait)\b",
        r"know (?:how|when|where) i(?:'m| am|'ll| will)? (?:going to |gonna )?(?:do it|end it)",
        needs_ideation=True,
    ),
    _rule(
        PLAN, RiskLevel.HIGH,
        r"(?:look|seem) like (?:an accident|a fall|a slip|natural causes|a heart attack)\b(?! waiting| scene| report| claim| happened| had happened)",
        r"(?:my|the) (?:suicide |goodbye )?note (?:would|will|is going to|'d) (?:say|tell|explain)",
        r"(?:is|will be|'s) the (?:day|night) i (?:use the (?:rope|gun|pills|knife)|end it|kill myself|end my life|take (?:all )?(?:the|my) (?:pills|tablets)|jump)",
        r"(?:who|whoever)(?:'d| would| will) find me\b",
        r"(?:nobody|no one|no-one) (?:finds?|will find|would find|can find|could find) me (?:until|till|before|in time)\b",
        r"(?:whoever|the one who|the person who|the first (?:one|person) (?:who|to)) finds? me\b",
        r"(?:know|worked out|figured out|decided) (?:exactly )?(?:how|what|where) i(?:'d| would| will|'ll) (?:do it|use)",
        r"(?:which|what) (?:bridge|method|way)(?: and| or|,) (?:which|what|when)",
        r"(?:have|got) a plan\b.{0,60}?\b(?:no (?:timeline|date|day)|haven't (?:set|picked|decided) (?:a|the) (?:date|day))",
        r"picked the (?:place|spot|method)\b.{0,40}?\b(?:method|how|day|date)\b",
        rf"know (?:exactly )?what i(?:'d| would|'ll| will|'m| am) (?:do|doing)\W+(?:with )?(?:\w+ ){{0,2}}?(?:{_PILLS}|rope|gun|bridge|tracks|level crossing)\b",
        rf"(?:wrote (?:out|down)|worked out|figured out|listed) which (?:of )?(?:my |the )?{_PILLS} i(?:'d| would)? (?:take|use|need)\b",
        r"(?:it'd|it would|so it|so it'd|make it) (?:just )?(?:look|seem) like i (?:just )?(?:lost control|fell asleep at the wheel|had an accident|crashed|slipped|fell|didn't see (?:the|a) (?:train|car|lorry|truck|bus))\b",
        r"(?:it|that) (?:could|would|'d|might) (?:look|seem|pass) (?:like|as|for) (?:a|an) (?:\w+ )?accident\b(?! waiting| scene| report| claim)",
        r"know the method\W+(?:and )?(?:i )?know the (?:place|spot|location|time|day)\b",
        r"know (?:exactly )?how i(?:'d| would) (?:go|do it) and where\b",
        r"(?:the|my) note(?:'s| is) (?:all )?(?:written|drafted) in my head\b",
        r"the (?:other )?(?:letter|note) i(?:'d| would) leave\b",
        r"(?:rehears\w*|drafting|planning) what i(?:'d| would) (?:write|say) to each of them\b",
        r"^\W*(?:it )?(?:would|'d|will) be (?:the )?(?:woods|river|bridge|garage|car|pills|tablets|rope|gun)\b[^.!?]{0,20}?\band (?:the )?(?:woods|river|bridge|garage|car|pills|tablets|rope|gun)\b",
        r"(?:^|(?<=[.!?] ))(?:i )?know (?:where|how)\W+(?:i )?know (?:how|where)\b",
        r"(?:thought|thinking|think|worked out) (?:about )?how to do it so (?:my|the) \w+ (?:gets?|get) the (?:money|insurance|payout)\b",
        rf"decided (?:it'll|itll|it will|it's|its) be (?:the |my )?(?:{_PILLS}|rope|bridge|gun|tracks|river|cliffs?)\b",
        # "plan's in my head. method, place, everything", not "the scientific method, place value"
        r"(?<!scientific )(?<!statistical )(?<!research )(?<!teaching )(?<!cooking )\bmethod\W+(?:and\W+)?(?:the\W+)?(?:place|location|spot|date|day|timing|note)\b(?! value)",
        r"(?:know|worked out|figured out|sorted|got|planned) (?:exactly )?(?:how and (?:where|when)|where and how|when and how|which (?:tree|bridge|floor|beam|branch|cliff|building|car park|multi-?storey|road|train|rope),? and (?:i know )?how)(?=\s*(?:[.!,;]|$))",
        r"(?:make|making|made) it (?:look|seem) like i(?:'d| had)? (?:just )?(?:fell|fallen|slipped|tripped|had an accident|crashed|pulled over|nodded off)\b(?! (?:asleep|in love|for (?!a nap)))",
        r"(?:the )?how and (?:the )?(?:where|when)\b[^.!?]{0,20}?\b(?:worked out|figured out|sorted|decided|planned)\b",

        r"so (?:it|that) (?:looks|seems) like (?:an accident|a fall|a slip|natural causes|a heart attack)\b",
        r"(?:would|will|'d) (?:be the (?:one|first|person) to )?find me,? (?:and )?not (?:her|him|them|the kids|my \w+)\b",
        r"(?:mentally|in my head) (?:re)?(?:wrote|write|writing|drafted|draft|drafting|composed|compose|composing) (?:my|the|a) (?:suicide |goodbye )?(?:note|letter)\b(?!\s+(?:to|for) (?:the|my|a|an|our) (?:landlord|boss|teacher|school|council|manager|neighbou?rs?|gp|doctor|bank|hr)\b)",
        r"(?:re)?(?:wrote|write|writing|drafted|drafting|composed|composing) (?:my|the) (?:suicide |goodbye )?note (?:again )?in my head",
    ),
    _rule(
        INTENT, RiskLevel.IMMINENT,
        r"(?:i'm|i am|im) (?:going to|gonna) (?:kill myself|end it(?: all)?|end my life|take my (?:own )?life|(?:hang|shoot|drown|gas|overdose) my ?self\b)",
        r"(?:sorry|forgive me|i apologi[sz]e) for what i(?:'m| am) (?:about to|going to|gonna) do\b(?!\s+(?:to|with|for)\b)",
        r"i(?:'ll| will) (?:kill myself|end my life|finish my life|take my (?:own )?life)",
        r"decided to (?:kill myself|end it|end my life|die|take my (?:own )?life)",
        r"(?:i'll|i will) go quietly (?:on \w+day|tonight|tomorrow|this week|after|once|when)\b",
        r"(?:so )?the last (?:thing|message|words?|memory) (?:she|he|they|you|anyone|mum|mom|dad|my \w+) (?:has|have|hears?|gets?|remembers?|will have) (?:from|of) me",
        r"(?:picked|chosen|chose|set|decided on|have|got) (?:a |the )?(?:date|day|night|time) (?:to|for) (?:end it(?! with| between| off)|kill myself|end my life|die)\b",
        rf"this (?:is|will be|'ll be) (?:my |the )?(?:last|final) (?:entry|note|day|night|goodbye|post|check[- ]?in|time i write){_NOT_A_PLACE}",
        r"(?:won't|not going to|not gonna) be (?:a burden|here|around|alive) (?:much|for much|any) longer",
        r"(?:won't|will not|not going to|not gonna) be (?:everyone's|anyone's|your|their|a|the) (?:problem|burden) (?:much|for much|any) longer",
        # not "by the time anyone reads this I'll be married!", "…, off to the airport at 5am"
        r"(?:by the time|when) (?:you|anyone|someone|somebody) (?:reads?|finds?|sees?) this(?!\W+(?:i'll be|i will be|we'll be) (?:married|there|back|home|on|in|at|\d)|,? (?:off to|on (?:the|a|my) (?:plane|flight|train|way)))",
        r"(?:i'm|i am) not coming back(?! to| here| in| till| until| til| for)",
        rf"(?:this|that) (?:is|was|'s) (?:my |the )?(?:last|final) (?:entry|log|check[- ]?in|time i(?:'ll| will)? (?:write|log)){_NOT_A_PLACE}",
        r"^\W*(?:final|last) (?:entry|check[- ]?in|log|post)(?=\s*(?:[.!]|$))",
        r"(?:logging off|signing off|checking out) (?:for good|forever|for the last time)",
        r"(?:won't|wont|will not) (?:be )?(?:log(?:ging)?|writ(?:e|ing)|check(?:ing)? in) (?:here )?(?:again|tomorrow|anymore|after (?:tonight|today))",
        r"(?:this time next week|by (?:next week|tomorrow|the weekend)) i (?:won't|will not|wont) (?:exist|be (?:here|around|alive))",
        r"(?:^|(?<=[.!?] ))(?:it's|it is) tonight\W+(?:i'm )?sorry (?:everyone|everybody|all|mum|mom|dad)\b",
        r"^\W*tonight\W+(?:i'm )?sorry (?:everyone|everybody|all|mum|mom|dad)\W*$",
        rf"(?:won't|wont|will not) be (?:a |the )?(?:problem|burden) (?:for|to) (?:anyone|everyone|anybody|you|them) (?:after|from|past|beyond) (?:this weekend|the weekend|{_WHEN}|next week|christmas)\b",
        r"(?:tonight|tomorrow|today|this weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:'s| is) (?:when|the night|the day) i (?:finally )?(?:go through with it|end it|end things|kill myself)\b",
        r"for the last time,? because (?:i'm|im|i am) (?:doing it|going)\b",
        r"(?:tonight|tomorrow)\b[^.!?]{0,20}?\bdoing it (?:when|while|once) (?:the (?:house|flat|place) is empty|everyone(?:'s| is) (?:out|asleep|away|gone))|doing it (?:when|while|once) (?:the (?:house|flat|place) is empty|everyone(?:'s| is) (?:out|asleep|away|gone))\b[^.!?]{0,10}?\b(?:tonight|tomorrow|today)\b",
        r"last (?:day|night|week) of everything\b(?! (?:before|until|till|for|at)\b)|goodbye,? cruel world|see you never\W+cruel world",
        rf"(?:after|by|from) (?:the weekend|{_WHEN}|next week|christmas|new year|my birthday)\W+(?:\w+\W+){{0,2}}?(?:i )?(?:won't|wont|will not) be (?:[\w']+ )?(?:problem|burden)\b",
        rf"(?:i'm|im|i am|i'll|i will) (?:going to |gonna )?(?:\w+ ){{0,4}}?take (?:the rest of|all (?:of )?) (?:my |the )?{_PILLS}\b(?! (?:with|on|to|into|back|abroad|away)\b)",
        r"(?:won't|wont|will not) be around (?:for|to see) (?:it|that|christmas|the|my)",
        r"no (?:more )?(?:check[- ]?ins?|entries|entry|logs?) (?:after (?:today|tonight|this)|(?:next week|tomorrow)\W+or ever|ever again)",
        r"made (?:my )?peace\b.{0,60}?\b(?:it's happening|tonight|tomorrow|this week|before)",
        r"the pain (?:stops|ends|will stop|will end) (?:on|this|tonight|tomorrow|soon)",
        # "Christmas is my deadline. If nothing changes by then I'm going."
        r"if (?:nothing|things don't|it doesn't|nothing's) (?:changes?|gets? better|improves?|going to change) by (?:then|christmas|new year|my birthday|the \w+ of \w+|\w+day|the end of (?:the )?\w+)\W+(?:i'm going|i'll go|i'm gone|i'll do it|i'll end it|that's it for me)(?=\s*(?:[.!,;]|$))",
        r"last (?:day|shift|week|time|entry|check-?in)\b[^.!?]{0,30}?\bin every (?:sense|way)(?=\s*(?:[.!?;]|$))",
        r"(?:it was|this was|this is|it's|that was) my last (?:birthday|christmas)(?! (?:in|as|at|before|with|of|party|here|there)\b)",
        r"(?:not|n't|no longer) (?:planning|plan|intending|going) (?:on |to )?(?:be|being) alive\b",
        # a goodbye with a time frame: "after tonight they can stop worrying about me"
        rf"after {_WHEN}\W+(?:\w+\W+){{0,4}}?(?:stop|quit) worrying about me",
        rf"after {_WHEN}\W+(?:\w+\W+){{0,3}}?(?:nobody|no one|no-one|none of (?:you|them)) (?:\w+ ){{0,2}}?(?:have|need|needs|has) to (?:worry about|deal with|put up with|look after) me\b",
        # "Happy birthday to me. My last one."
        r"(?:birthday|christmas)\b[^.!?]{0,40}[.!]+\s*(?:my|the) last one(?=\s*(?:[.!]|$))",
        rf"(?:won't|wont|will not|never|no longer|don't|not) (?:have to|need to) worry about me (?:after|from|past) {_WHEN}",
        rf"(?:nobody|no one|no-one|none of (?:you|them)) (?:needs to|has to|will have to|will need to) (?:worry about|deal with|put up with|look after) me (?:after|from|past|beyond) {_WHEN}",
    ),
    _rule(
        INTENT, RiskLevel.IMMINENT,
        r"(?:i'm|i am|im) (?:going to|gonna) do it",
        r"i(?:'ll| will) do it",
        r"(?:tonight|tomorrow|today|this weekend|this week|friday|saturday|sunday|monday|tuesday|wednesday|thursday)(?: is| will be|'s) (?:the|my) (?:night|day|end|last)",
        r"mind is made up",
        r"(?:i've|i have) decided(?=\s*(?:[.!,;]|$))",
        r"(?:i've|i have) made (?:my|the) decision\b",
        r"goodbye (?:everyone|world|all|forever)",
        r"(?:i'm|im|i am) (?:doing|going to do|gonna do) it (?:tonight|tomorrow|tmrw|tmr|this weekend|on \w+day|after|before|when)",
        r"(?:i'm|im|i am) (?:going to |gonna )?(?:go|going) through with it",
        r"this is the (?:week|day|night|weekend)(?=\s*(?:[.!,;]|$))",
        r"(?:^|(?<=[.!?] ))doin(?:g|')? it (?:tonight|2nite|2night|tonite|tomorrow|2moro|tmrw|at midnight|at \d+|this weekend|on \w+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        r"(?:i'm|im|i am) (?:doing|going to do|gonna do) it (?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
        r"(?:i've|i have) made up my mind(?=\s*(?:[.!,;]|$))",
        r"(?:i've|i have) decided and (?:i'm|i am|im) (?:calm|at peace|ready|not scared|not afraid|okay|ok|fine)\b",
        r"(?:no|there's no) (?:turning|going) back",
        needs_ideation=True,
    ),
    # Ending it, said as what the writer is doing or will do, with a time frame: "I'm ending it
    # this weekend, that's settled now", unless it is a relationship, a job or a contract.
    _rule(
        INTENT, RiskLevel.IMMINENT,
        rf"(?:i'm|im|i am|i'll|i will) (?:ending|end) (?:it|things|everything|my life)(?: all)? (?:{_WHEN}|soon|next week|at the weekend|on (?:the )?\w+|before|after|once|when)\b",
        r"(?:i'm|im|i am) ending (?:it all|my life)\b",
        r"(?:when|once|after) i get (?:home|back|in)\b[^.!?]{0,20}?(?:i'm|im|i am|i'll|i will) (?:ending|end) (?:it|things|everything|my life)(?: all)?(?=\s*(?:[.!,;]|$))",
        rf"(?:{_WHEN}|soon|next week|at the weekend)\b[^.!?]{{0,40}}?\b(?:i'm|im|i am|i'll|i will) (?:ending|end) (?:it|things|everything|my life)(?: all)?(?=\s*(?:[.!,;]|$))",
        unless=r"with (?:him|her|them)|relationship|boyfriend|girlfriend|husband|wife|partner|marriage|engagement|fianc\w*|lease|contract|subscription|membership|tenancy|account|gym|blog|podcast|streak",
    ),
    # A time frame alone, in the same sentence as the ideation it dates.
    _rule(
        INTENT, RiskLevel.IMMINENT,
        # not a state reported for tonight: "Tonight I'm the one having them"
        r"(?:tonight(?! (?:i'm|i am|im) (?:the one )?(?:having|feeling)\b)|tomorrow|this weekend|after (?:the|my) \w+(?!(?: \w+)? (?:died|passed|left (?:us|me|home))\b)(?![^.!?]*\b(?:i had|i was|where i|when i|i went through|i thought|i spent)\b)|when (?:everyone|they|my \w+) (?:is|are) (?:asleep|gone|out)|once (?:everyone|they) (?:leave|leaves|is gone|are gone))(?! (?:was|were|went|had)\b)",
        ideation_in_sentence=True,
    ),
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:wrote|written|writing|write|left|finished) (?:my |a |the )?(?:suicide|last) (?:note|notes|letter|letters|messages?)",
        # an envelope or a letter "for after": "passwords in an envelope for after"
        r"(?:envelope|letter|note|box|folder|doc|document|file|list|card|passwords?)s? (?:\w+ ){0,4}?(?:for (?:my |the )?\w+,? )?for after(?=\s*(?:[.!,;]|$|and\b))",
        r"(?:text|message|email)s? (?:everyone|everybody|all of them|them all) (?:a )?goodbye",
        r"(?:don't|do not) open (?:it )?(?:til|till|until) after",
        r"so (?:it's|it is|it isn't|there's|nothing's) (?:not |no )?(?:tangled up|a mess|messy|complicated|a hassle|a faff|sorted|easy|simple|easier|straightforward) (?:for (?:them|him|her|everyone|anyone) )?after(?=\s*(?:[.!,;]|$))",
        r"(?:for|to open|to read|to watch) (?:after|when) i'?m gone",
        r"(?:look after|take care of|feed|walk|have|keep) (?:my|the) (?:\w+ )?(?:cat|dog|cats|dogs|kids|plants|fish|rabbit|bird|budgie|hamster) (?:when|after|once) i'?m (?:gone|not here|not around)(?=\s*(?:[.!,;]|$))",
        r"(?:rehomed|found (?:a )?(?:new )?homes? for|gave away|giving away|found someone to take)\b.{0,80}?\b(?:it isn't|it wasn't|it's not|it is not|i'm not|i am not|im not|more than that|won't be needing)(?: (?:moving|going) anywhere)?(?=\s*(?:[.!;]|$))",
        r"(?:tying|tie|tied) up (?:all )?(?:the )?loose ends",
        r"(?:paid off|paying off|pay off|cleared|clearing|settled|settling) (?:\w+ ){0,3}(?:debts?|bills|credit cards?|loans?|overdraft)\b.{0,30}?\bso (?:nobody|no one|no-one|they|mum|mom|dad|my \w+) (?:inherits?|gets? stuck with|is stuck with|has to pay|is left with)",
        r"life insurance (?:covers|pays out|pays) (?:for )?(?:it|suicide)",
        r"(?:rather|better) (?:he|she|they|you) (?:had|has|have|got) (?:them|it|this) now",
        r"(?:tested|tried|testing|trying) (?:out )?(?:the |a |my )?(?:belt|rope|cord|scarf|ligature|noose) (?:on|round|around|over|from) (?:the |my )?(?:door|neck|banister|bannister|beam|hook|rail|loft hatch)",
        # going as far as the act and stopping: a blade held to the skin, a chair and a belt,
        # the place reached and the nerve lost
        r"(?:held|holding|hold|put|pressed|pressing) (?:the |a |my )?(?:knife|blade|razor|scissors) (?:to|against|on) my (?:wrists?|arms?|throat|neck|skin)",
        r"(?:stood|standing|stand|got up) on (?:the |a |my )?(?:chair|stool|step ?ladder) with (?:the |a |my )?(?:belt|rope|cord|noose|flex)",
        r"(?:drove|went|walked|got|cycled) (?:out )?(?:to|as far as) (?:the )?(?:cliffs?|bridge|tracks|railway|level crossing|roof|edge|car park roof|multi-?storey)\b.{0,40}?\b(?:(?:couldn't|could not|didn't|did not) (?:do it|go through with it)\b|(?:couldn't|could not|couldnt)(?=\s*(?:[.!,;]|$)))",
        r"got as far as (?:the )?(?:edge|ledge|railing|cliff edge|tracks|platform edge|roof)\b",
        r"hose\w* (?:pipe )?(?:for|to|on|from|into) (?:the )?(?:car )?exhaust",
        rf"(?:counted|counting|count) (?:out )?(?:the |my |all (?:the |my )?)?{_PILLS}\b.{{0,30}}?\b(?:there's enough|there are enough|it's enough|that's enough|enough (?:now|to))",
        r"practi[sc](?:ed|ing|e) (?:(?:last night|tonight|today|again) )?(?:with (?:the|a) (?:rope|noose|belt|cord)|(?:tonight|last night) and stopped)",
        r"(?:marked|labell?ed|titled|addressed|that says|saying) \W*for after(?=['\"’”]|\s*(?:[.!,;]|$))",
        r"(?:deposit (?:down )?on|got hold of|bought|buying) (?:a |the )?(?:gun|pistol|rifle|shotgun)\b",
        r"giv(?:ing|en|e|ven)(?: away)? (?:all )?(?:of )?(?:my|some of my) (?:stuff|things|belongings|possessions|pets?|cat|dog)(?: away)?",
        r"gave (?:away )?(?:all )?(?:of )?my (?:stuff|things|belongings|possessions)(?: away)?",
        rf"(?:saved|saving|stockpil(?:ed|ing)|hoard(?:ed|ing)|collect(?:ed|ing)|stash(?:ed)?) (?:up )?(?:my |some |the |enough |a stash of )?{_PILLS}",
        rf"(?:hiding|hid|stashing|putting aside|setting aside|holding back|keeping back|putting by|squirrel(?:l)?ing away) (?:away )?(?:a few (?:of )?(?:my )?|some (?:of )?(?:my )?|my |extra |the )?{_PILLS}(?! (?:from|away from|out of|up high|where))",
        rf"{_PILLS}\b.{{0,40}}?\b(?:one|two|a few|a couple) (?:or (?:two|three) )?at a time",
        r"(?:script|prescription)(?:'s| is)? (?:\w+ ){0,3}?(?:filled|collected|picked up|comes? in)\b.{0,40}?\b(?:put|keep|set|putting|keeping|setting|hide|hiding) (?:half|some|a few|one or two|a couple)(?: of (?:them|it))? (?:aside|back|away|by)\b",
        # buying past the pack limit: "buying painkillers from different shops so nobody asks"
        rf"(?:buy|buying|bought|getting|got) (?:more |extra |some |a few )?(?:\w+ )?{_PILLS} (?:from|at|in) (?:different|several|multiple|various|lots of|loads of) (?:shops|pharmacies|chemists|stores|supermarkets|places)",
        rf"{_PILLS}\b.{{0,60}}?\bso (?:nobody|no one|no-one|they don't) (?:asks?|notices?|questions?|gets? suspicious)",
        # messages left or timed that explain, unnamed what: "scheduled the emails to everyone for
        # Saturday morning, the ones that explain"
        r"(?:emails?|messages?|texts?|letters?|notes?|videos?|ones) (?:that|which|to) explain(?:s)?(?: (?:it|everything|why|it all))?(?=\s*(?:[.!;]|$))",
        r"(?:whoever|the person who|whoever has to|whoever's going to) (?:clears? out|empties|sorts? out|goes? through) (?:my|the) (?:flat|room|house|place|apartment|things|stuff|belongings)",
    ),
    # Cared for when the writer is gone, unless the writer is only going away: "They'll be
    # looked after when I'm not around."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:be|get|are|is) (?:looked after|taken care of|cared for|fed|walked|loved) (?:when|after|once) i'?m (?:gone|not here|not around)(?=\s*(?:[.!,;]|$))",
        r"for when i'?m (?:not here|gone|not around)(?=\s*(?:[.!,;]|$))",
        unless=r"holidays?|vacation|trip|travel\w*|away|abroad|staying (?:at|with)|visiting|festival|conference|hospital\w*|(?:sea|shore|annual|sick|maternity|paternity) leave|deploy\w*|work|shifts?|sitter|kennels?|cattery|neighbou?rs? (?:is|are|'s) (?:popping|coming|feeding)|while i'?m|off to|flying|flights?",
    ),
    # What the letters or the means are kept for, sentences after they are named: "Sealed them.
    # They're in my desk drawer for after.", "Got a hose today. Keeping it in the garage for when
    # I'm ready."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:they're|they are|it's|it is|left|put|kept|keeping|hidden|hid|sealed)\b[^.!?]{0,40}?\bfor after(?=\s*(?:[.!,;]|$))",
        context_in_note=r"letters?|notes?|envelopes?|sealed",
    ),
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:keeping|keep|kept|hid|hidden|hiding|saving|saved|stashed|put) (?:it|them|\w+ \w+)\b[^.!?]{0,40}?\bfor when i'?m ready(?=\s*(?:[.!,;]|$))",
        context_in_note=rf"hose|rope|noose|{_PILLS}|gun|charcoal|belt|blades?|razors?",
    ),
    # A bill paid so nobody is left with it: "paid the feed bill so nobody's left with it".
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:paid|paying|pay|cleared|settled) (?:\w+ ){0,3}(?:debts?|bills?|credit cards?|loans?|overdraft)\b.{0,30}?\bso (?:nobody|no one|no-one|they|mum|mom|dad|my \w+)(?:'s| is)? (?:inherits?|gets? stuck with|stuck with|has to pay|left with)",
        unless=r"mov(?:e|ing)\b|moved|holidays?|trip|away|travel\w*|abroad|flat ?share|landlord|tenancy|lease|deposit|house ?mates?|flat ?mates?",
    ),
    # A cover denied, beside goodbyes prepared: "Scheduled the posts like I always do before a
    # holiday. Then I scheduled the other messages. There's no holiday."; "People think I'm
    # decluttering. I'm not."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:^|(?<=[.!?] ))there(?:'s| is) no (?:holiday|trip|surgery|operation|new job|move|boat|conference|course|flight)(?=\s*(?:[.!]|$))",
        r"(?:think|thinks|thought) (?:i'm|im|i am) (?:just )?\w+ing\b[^.!?]{0,20}[.!?]\s+(?:i'm|im|i am) not\b",
        context_in_note=r"schedul\w*|passwords|letters?|gave|giving|given|will\b|rehom\w*",
    ),
    # A gun loaded and sat with: "loaded it and sat with it. put it back eventually."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:loaded|load|loading) (?:it|the gun|the rifle|the shotgun|the pistol) and (?:sat|sit|sitting|held|holding) (?:with|onto) it\b",
        unless=r"hunting|deer|season|range|clay|pheasants?|rabbits?|pigeons?|vermin|targets?|clean\w*",
    ),
    # A cover story denied by its own facts: "told her it's because of the surgery, there's no
    # surgery", "Told the guy it was for the boat. I don't have a boat."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|telling|said) (?:\w+ ){0,3}?(?:it's|it was|it is|its) (?:because of|for) (?:the|my|a) (\w+)\b[^.!?]{0,20}?\bthere(?:'s| is|s) no \1\b",
        context_in_note=r"wills?|passwords|who gets|letters?|gave|giving|rope|hose",
    ),
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|said) (?:\w+ ){0,3}?it was for (?:the|my|a) (\w+)\b[^.!?]{0,20}[.!?]?\s*i (?:don't|do not|dont) (?:have|own) an? \1\b",
        context_in_note=r"rope|hose|charcoal|gun|belt|cord",
    ),
    # The others don't know it is for good: "Gave Bess to Jim next door, told him I'd be away for
    # a bit. He doesn't know it's for good."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:he|she|they|nobody|no one|no-one) (?:doesn't|don't|does not|do not|didn't|did not) know (?:it's|it is|it was|this is|that it's) (?:for good|forever|permanent)\b",
        context_in_note=r"gave|giving|given|give away|rehom\w*|sold|selling|new homes?|goodbye",
    ),
    # Letters written and sealed: "wrote the letters. four. sealed. in the drawer."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:wrote|written|writing|finished) (?:the|my|all the|all my) letters\b",
        r"(?:written|wrote) (?:each of them|them all|everyone|each) (?:a )?letters?\b",
        context_in_note=r"sealed",
        unless_in_note=r"posted|post office|stamps?|council|application|cover letters?|references?|christmas|thank[- ]you|pen ?pals?|santa",
    ),
    # Messages timed to reach the family, to be understood: "scheduled emails to go out to my kids
    # on Sunday morning. they'll understand better once they read them."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"schedul\w* (?:the |my |some )?(?:emails?|messages?|texts?|letters?) to go out (?:on )?(?:{_WHEN}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        r"schedul\w* (?:the |my |some )?(?:emails?|messages?|texts?|letters?|posts?) (?:to go out )?(?:to|for) (?:my (?:kids|children|family|wife|husband|partner|parents|mum|mom|dad|sister|brother|son|daughter)|mum|mom|dad|everyone)\b",
        context_in_note=r"(?:they|she|he|you)(?:'ll| will) understand|explain\w*|sorry|forgive|one each|each of them|couldn't say|goodbye",
    ),
    # A cover story told and denied, beside things given away: "told everyone I'm decluttering
    # because I'm moving. I'm not moving."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|telling|tell|said|saying) [^.!?]{0,40}?\b(?:i'm|im|i am) (\w+ing)\b[^.!?]{0,40}[.!?]\s+(?:i'm|im|i am) not (?:really |actually )?\1\b",
        context_in_note=r"gave|giving|given|give away|rehom\w*|sold|selling|new homes?",
    ),
    # Back from the place, and next time perhaps not: "Drove to the bridge last night ... Might
    # not drive home next time."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:might|may|probably|maybe i) (?:won't|not|will not) (?:drive|come|walk|make it) (?:home|back) next time\b",
        r"next time i (?:don't think i'll|won't|will not|might not) (?:turn back|come back|come home|stop)\b",
        r"stepped back at the last (?:second|minute|moment)\b",
        r"(?:don't|do not|didn't|did not) know why i (?:came|come|went|drove|walked) (?:home|back|down)\b",
        context_in_note=r"bridge|cliffs?|tracks|roof|edge|ledge|car park|multi-?storey|river|level crossing",
    ),
    # Giving things away that won't be needed, unless for an ordinary reason: "Giving away all
    # my textbooks, I won't need them anymore. PASSED MY LICENSING EXAM."
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:gave|giving|given|give|sold|selling|sell) .{0,120}?\b(?:won't|wont|will not) (?:be needing (?:it|them|any of)|need (?:it|them|any of (?:it|them|this)) (?:anymore|any more|where i'm going|after)|need (?:it|them|any of (?:it|them|this))(?=\s*(?:[.!,;]|$)))",
        unless=r"passed|graduat\w*|qualified|finished (?:my|uni|school|college|the course)|exams? (?:are |is )?(?:over|done)|retir\w*|mov(?:e|ing)\b|emigrat\w*|upgrad\w*|new (?:one|phone|laptop|bike|car|house|flat|place|home)|grown out|outgrown|declutter\w*|charity|donat\w*|car boot|baby|kids",
    ),
    # A jump tonight, said with a goodbye: "im going to jump tonight. sorry mum" (not a
    # parachute or a swim).
    _rule(
        INTENT, RiskLevel.IMMINENT,
        r"(?:i'm|im|i am) (?:going to|gonna) jump (?:tonight|tomorrow|today|now)\b",
        context_in_note=r"sorry|goodbye|forgive|bridge|roof|cliff|ledge|balcony|multi-?storey",
        unless=r"parachut\w*|skydiv\w*|bungee|trampoline|pool|lake|sea|queue|puddle|waves|rope|ship|train|plane|fence|hurdles?|high jump|long jump",
    ),
    # Away for a while with the reason in the same breath: "won't be around next week, I'm
    # staying at my sister's for the birth".
    _rule(
        INTENT, RiskLevel.IMMINENT,
        r"(?:won't|wont|will not) (?:be (?:here|around|alive)|wake up|see) (?:by )?(?:tomorrow|next week|the morning|morning|another day|the weekend)",
        r"(?:i'll|i will) (?:already )?be (?:long )?gone (?:before|by) (?:then|tomorrow|the morning|morning|the weekend|christmas|next week|the holiday)\b",
        r"(?:won't|wont|will not) be (?:here|around) for (?:the )?next (?:mood )?(?:log|entry|check[- ]?in)\b",
        r"(?:i'm|im|i am|i'll be|i will be) gone for good\b",
        r"(?:won't|wont|will not) be (?:here|around) to (?:look after|feed|walk|care for|see|watch) (?:her|him|them|the \w+|my \w+)\b",
        r"(?:things|stuff|anything|something) i (?:won't|wont|will not) be (?:around|here|alive) (?:for|to (?:use|see|enjoy))\b",
        r"won't be (?:here|around|alive) (?:for|to see) (?:christmas|new year|my birthday|the summer|the spring|the new year)\b",
        unless=r"holidays?|vacation|trip|travel\w*|flying|flights?|abroad|staying (?:at|with)|visiting|festival|conference|camping|retreat|honeymoon|wedding|birth|course|moving|offline|no (?:signal|wifi|phone)|hospital\w*|appointment|procedure|surgery|op|off to|out of office|(?:mat|maternity|paternity|parental|annual|sick) leave",
    ),
    # Goodbyes said or scheduled at work, on leave or on a move are everyday goodbyes.
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:goodbye|farewell) (?:letters?|notes?|messages?|texts?|emails?|videos?)",
        r"said my goodbyes|saying my goodbyes|(?:said|say|saying) (?:a )?(?:last|final) goodbye",
        r"(?:wrote|written|writing|typed|recorded) (?:my|a) goodbye\b(?! (?:card|speech|toast|song|post to the))",
        unless_in_note=r"put (?:my |our |the )?(?:old |poor |lovely |\w+ )?(?:dog|cat|horse|pony|rabbit|him|her|boy|girl) down|put to sleep|euthanas\w*|\bpts\b",
        unless=r"clients|colleagues|team|coworkers|co-workers|customers|students|pupils|class|followers|subscribers|group chat|festival|expedition|trip|travel\w*|sabbatical|(?:on|annual|maternity|mat|paternity|pat|parental|sick|study|compassionate|shore|my) leave|maternity|paternity|holiday|retir\w*|leaving do|last day|last shift|new job|move|moving|depot|office|airport|emigrat\w*|company|job|contract|handover|flying|flight|placement|abroad|gap year|ward|career|(?:\d+|twenty|thirty|forty) years (?:of|at|in|on)|vet|put (?:him|her|them|my \w+|the \w+|\w+) down|put to sleep|euthanas\w*|pts\b",
    ),
    # Going to the place and turning back: "stood at the edge for ages" up on the car park
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:stood|standing|stand|sat|sitting) (?:right )?(?:at|on) the edge\b(?! of)",
        context=r"car park|roof|rooftop|bridge|cliff|top floor|balcony|multi-?storey|tower|ledge|platform",
    ),
    # Letters left with the papers for after: "sealed them and put them with the insurance papers"
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"letters?\b.{0,80}?\b(?:insurance (?:papers|policy|documents)|my will|passwords)",
        r"(?:insurance (?:papers|policy|documents)|my will|passwords)\b.{0,80}?\bletters?\b",
        unless=r"diagnos\w*|baby|babies|pregnan\w*|newborn|wedding|mortgage|solicitor|lawyer|surgery|operation|retir\w*|bank|renewal|post(?:man)?",
    ),
    # Affairs and a will put in order for the reasons people ordinarily have are no goodbye.
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:put|putting|get|getting|got) my affairs in order",
        r"(?:wrote|made|updated|finished) my will",
        r"(?:left|leaving|put|laid) (?:my |the )?(?:signed )?will (?:out )?(?:on|by) (?:the|my) (?:table|side|bed|desk|counter|pillow|kitchen table)",
        unless=r"diagnos\w*|baby|babies|pregnan\w*|newborn|wedding|married|engaged|divorce\w*|separation|mortgage|solicitor|lawyer|surgery|operation|retir\w*|godparents?|guardians?|probate|life admin|adulting|fresh start|trip|travel\w*|expedition|deploy\w*|field season|no signal|abroad",
    ),
    _rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"(?:bought|got|buying|ordered|picked up|found) (?:a |the |some |enough )?(?:rope|noose|gun|razor blades?|blades?|charcoal|{_PILLS})",
        needs_ideation=True,
    ),
    _rule(
        ATTEMPT, RiskLevel.IMMINENT,
        rf"(?:just |already )?(?:took|taken|swallowed|downed) (?:all|a bunch|a lot|a handful|the whole bottle|\d+|[a-z]+ty|[a-z]+teen|(?:way |far )?too many) (?:of )?(?:my |the |those )?(?:\w+ )?{_PILLS}",
        r"(?:blood|bleeding) (?:won't|will not|wont) stop",
        r"(?:already|just) (?:took|taken|swallowed) (?:them|it|everything|all|the)",
        r"(?:took|taken|swallowed) (?:them|everything|all of them|the pills|the lot|the whole)(?: all)? (?:already|\d+ (?:mins?|minutes|hours?) ago)",
        r"(?:i've|i have) (?:taken|swallowed) (?:the pills|all of|everything)",
        r"swallowed (?:all|every)",
        r"(?:took|taken|downed) every (?:single )?(?:pill|tablet|capsule|one of (?:them|my|the))\b",
        r"engine(?:'s| is)? (?:running|on)\b.{0,40}?\bgarage|garage\b.{0,40}?\bengine(?:'s| is)? (?:running|on)\b",
        r"engine running",
        r"car(?:'s| is) running\W+(?:the )?(?:garage )?door(?:'s| is) (?:shut|closed|down)\b",
        rf"(?:took|taken|swallowed) (?:my |the )?(?:\w+ )?{_PILLS},? the (?:whole|entire) (?:box|bottle|packet|pack|lot|strip|supply)\b",
        r"(?:car|engine)(?:'s| is) running in the garage",
        r"overdosed (?:\w+ ){0,2}(?:minutes?|mins?|hours?|an hour) ago",
        r"(?:i've|i have|just) overdosed",
        r"(?:i've|i have) (?:just )?taken an overdose",
        # "od'd": written without its apostrophe it is the word "odd"
        r"(?:\bod\x27d|\boded|overdosed) (?:this (?:afternoon|morning|evening)|today|tonight|last night|earlier(?: today)?|an hour ago)\b",
        r"(?:took|taken|swallowed|downed) (?:a load of|loads of|the whole (?:packet|box|bottle|pack|strip|lot)|the lot|all of (?:them|my))\b",
        rf"(?:took|taken|swallowed|downed) (?:my|the|a) (?:whole|entire) (?:\w+ )?(?:prescription|supply|script|packet|box|bottle|pack|strip|blister|month's|week's|{_PILLS})",
        r"i (?:just |have |'ve |already |have just |'ve just )?(?:drank|drink|drunk|swallowed|took|taken|downed) (?:down )?(?:the |some |a |an )?(?:(?:bottle|cup|glass|can|mug|capful) of (?:the )?)?(?:\w+ )?(?:poison|bleach|weedkiller|weed killer|antifreeze|pesticide|paraquat|rat poison)\b",
        r"(?<!it )(?<!that )(?:took|taken|swallowed) everything(?! (?:i had|out of|in me|to|i've got))",
        r"(?:stepped|climbed|standing|sitting|stood|sat) (?:out )?(?:onto|on|over|at) (?:the )?(?:ledge|railing|barrier|edge of the (?:bridge|roof|car park|multi-?storey|building))",
        r"^\W*(?:on|at) the (?:edge of the )?(?:bridge|roof|ledge|rooftop|car park roof)\b(?! of (?:the|my|our) (?:shed|garage|house|barn|van|bus|caravan|kennel|greenhouse|conservatory|porch|extension))(?![^.!?]{0,30}\b(?:fix\w*|repair\w*|gutters?|tiles?|felt|aerial|solar|chimney|clearing|cleaning|moss)\b)",
        r"standing (?:on|at) the (?:edge|ledge|bridge|roof|railing|tracks|rooftop) (?:right )?now",
        r"(?:sitting|standing|lying|laying|sat|stood|lay|lie) (?:down )?on the (?:train |railway )?(?:tracks|line)\b",
        r"tried(?: it)? (?:tonight|today|last night|this morning|yesterday)\W+(?:and )?(?:it )?(?:didn't|did not) work",
        r"(?:^\W*|\bi )took (?:them|the lot) all(?=\s*(?:[.!,;]|$))",
        r"did it\W+(?:i )?(?:took|swallowed|taken|downed) (?:them|it all|the lot|everything|all of (?:them|it))\b",
        r"(?:^|(?<=[.!?] ))(?:i )?(?:took|swallowed|downed) (?:them|it)\W+all of (?:them|it)\b",
    ),
    # Tried and woke up: "tried last night, woke up this morning. the rest of the pills are still
    # on the bedside table"; already swallowed, beside pills.
    _rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"tried(?: it)? (?:last night|yesterday|earlier|this morning|on \w+day)\b[^.!?]{0,30}?[.,;]?\s*(?:and )?(?:i )?woke up",
        r"(?:^|(?<=[.!?] ))(?:already|just) swallowed(?=\s*(?:[.!]|$))",
        context_in_note=rf"(?:rest|remainder) of (?:the|my) {_PILLS}|with (?:the|my) {_PILLS}|{_PILLS} (?:didn't|did not) work|the rest are still|supply|all of them|with the (?:cord|rope|belt|flex|scarf)|(?:cord|rope|belt) snapped",
    ),
    # Cut with intent to die: "Cut deep this time, meant it."
    _rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"cut (?:deep|deeper|too deep|really deep)\b(?! into (?:the|a|some)\b).{0,40}?\b(?:meant it|wanted it to (?:work|be it|be the end)|to die|to end it)",
    ),
    # Into the water and pulled out: "Jumped into the canal earlier and a dog walker pulled me out."
    _rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:jumped|threw myself|walked|stepped) (?:into|in|off) (?:the |a )?(?:canal|river|sea|lake|harbour|reservoir|quarry|bridge|multi-?storey|car park|roof)\b",
        context=r"pulled me out|fished me out|dragged me out|got me out|talked me down|coastguard|lifeboat",
        unless=r"swim\w*|dip|dare|for fun|cool off|paddl\w*|after (?:the|my|a) (?:dog|ball|child|kid|boy|girl)|to (?:save|get|grab|rescue|fetch)",
    ),
    _rule(
        PAST_ATTEMPT, RiskLevel.LOW,
        r"(?:tried|attempted|tried to|trying to) (?:to )?(?:kill myself|end (?:it|my life|things)|overdose|hang myself|take my (?:own )?life|commit suicide)",
        r"(?:my|a|the|last|previous|first|second) (?:suicide )?attempts?\b",
        r"suicide attempts?",
        r"survived (?:an? |my )?(?:attempt|overdose)",
        r"(?:took|taken) an overdose",
        rf"overdosed on (?:my |all (?:of )?my |the |some of my |a load of )?(?:\w+ )?{_PILLS}",
    ),
    # Numbness, unless the note tells of someone else's death or attempt.
    _rule(
        DISTRESS, RiskLevel.LOW,
        rf"{_FEELING}numb\b",
        unless_in_note=r"died|killed (?:himself|herself|themselves)|took (?:his|her|their) own life|suicide|overdosed|an overdose|funeral|passed away|coroner|(?:he|she|they)(?:'s| was| were| is| are) (?:in hospital|in icu|on (?:a|the) bridge)|lost (?:a|my|our) (?:patient|friend|son|daughter|brother|sister|mum|mom|dad|husband|wife|partner|baby|child)",
    ),
    _rule(
        DISTRESS, RiskLevel.LOW,
        r"hopeless(?:ness)?",
        r"(?:no|lost all|don't have any|without) hope\b",
        r"nothing (?:will )?(?:ever )?(?:gets?|is going to get|will get) better",
        r"what's the point(?: anymore| of anything| of trying| of it all)?(?=\s*(?:$|[.?!,]))",
        r"no point (?:anymore|in anything|in trying|to anything)",
        rf"{_FEELING}(?:empty|worthless|useless|trapped)\b",
        r"empty inside",
        r"(?:can't|cannot|can not) (?:do this|take (?:it|this)|cope|handle (?:it|this)|go on)(?: anymore| any more| much longer)",
        r"(?:can't|cannot) go on\b",
        r"giv(?:e|ing) up on (?:everything|life|myself)",
        r"(?:i'm|i am|feel like) (?:such )?a (?:burden|failure|waste of space)",
        r"(?:tired|sick) of (?:everything|it all|fighting|trying|feeling like this|being me)",
        r"hate (?:myself|my life|being alive)",
        r"(?:want|need) (?:it|the pain|this|everything) (?:all )?to (?:stop|end)(?=\s*(?:[.!,;]|$))",
        r"(?:nobody|no one|no-one) would (?:even )?(?:miss|notice|care)",
        r"(?:don't|do not) (?:see|have) (?:a |any )?(?:future|way out)",
        r"wish i could (?:just )?(?:sleep|disappear) for (?:a )?(?:while|week|month|year)",
    ),
)  # fmt: skip
