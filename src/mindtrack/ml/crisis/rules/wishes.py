"""Wishes to be dead and thoughts of suicide (C-SSRS ideation), and the distress short of
them."""

from __future__ import annotations

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.rules.base import (
    ACTIVE,
    DISTRESS,
    PASSIVE,
    SOFT,
    Rule,
    rule,
)

# "I feel so", "I'm completely" before a state of mind, not "looks so" of a thing
_FEELING = r"(?:feel|feeling|felt|am|i'm|(?<!looks )(?<!looked )(?<!look )(?<!seems )(?<!seemed )so) (?:so |completely |totally )?"

WISH_RULES: tuple[Rule, ...] = (
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"wish(?:ed|ing)? (?:that )?i (?:was|were|could be) dead",
        rf"wish(?:ed|ing)? (?:that )?i(?:'d)? (?:could |would )?{SOFT}(?:die|disappear|vanish|fade (?:out|away)|not exist|stop existing|cease to exist|cease(?=\s*(?:[.!,;]|$))|(?:never|not|wouldn't|would not|didn't|did not|won't|will not) wake up|fall asleep and (?:never|not) wake up)",
        r"wish(?:ed|ing)? (?:that )?i(?:'d| had) (?:died|been killed)\b(?! (?:off|laughing|of (?:embarrassment|shame|laughter|boredom|cringe)))",
        r"wish(?:ed|ing)? (?:that )?i(?:'d| had)? (?:never been born|wasn't born|was never born|were never born|didn't exist|wasn't alive|weren't alive|wasn't here)",
        rf"(?:wanna|want to|wants to|wanted to|wanting to|need to) {SOFT}(?:die|be dead|disappear forever|not exist|stop exist(?:ing)?|not be alive|not be here anymore|not wake up|(?:fall asleep|go to sleep|sleep) and (?:never|not) wake(?: up)?\b|sleep forever|unalive|(?:disappear|vanish) (?:for good|permanently)|not be(?=\s*(?:[.!,;]|$)))",
        rf"(?:don't|do not|dont|no longer|didn't) {SOFT}(?:want to|wanna) (?:live(?! forever)|be alive|be here|exist|wake up|go on|keep going|keep living|continue living|continue my life|carry on)",
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
        r"(?:don't|do not|can't|cannot) see (?:the|any|much|a lot of) point (?:of|in) (?:still )?(?:being alive|living(?! (?:in|with|at|on|off|like|here|there))|staying alive|going on|existing|life|being here(?! (?:at|in|for|on|today|tonight|this|early|without|if)\b))",
        rf"(?:not sure|don't know if|unsure if|not certain) i {SOFT}(?:want|wanna) to (?:live|be alive|be here|exist|keep going|keep living|carry on)",
        r"(?:i'd|i would) (?:much )?rather be dead",
        rf"(?:i'd|i would) {SOFT}(?:much )?rather {SOFT}(?:let go and )?(?:be gone|disappear for good|not be here)(?=\s*(?:[.!,;]|$))",
        # "the world would run smoother without me in it"
        r"(?:the world|everyone|everybody|my family|the family|the kids|everything|life|they|things) (?:would|'d|will) (?:\w+ ){0,2}(?:smoother|better|easier|happier|lighter|simpler|calmer) without me\b(?! (?:at|on|there|for|coming|going|tagging|along|today|tonight|this)\b)",
        r"if (?:the|my) (?:plane|flight|train|coach|ferry) (?:went|goes|came|comes) down\b.{0,60}?\b(?:wouldn't|would not) (?:mind|care)\b",
        rf"(?:i'd|i would) {SOFT}(?:much )?rather not (?:be alive|exist|wake up)\b(?! (?:to|when|for|by|in|at|during|after|if|until|till)\b)",
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
        # "part of me hopes the quad tips one day and that's that"
        r"hop(?:e|es|ed|ing) (?:that )?(?:the|my) (?:quad(?: bike)?|tractor|car|van|truck|lorry|motorbike|bike|boat|plane|bus|train) (?:\w+ )?(?:tips|rolls|flips|overturns|crashes|goes over|comes off)(?: over)?(?: (?:one|some) (?:day|night|morning)| one of these (?:days|nights)| on (?:the|a) \w+)?,? and (?:that's|thats|that is) (?:that|it|me)\b",
        r"(?:disappointed|gutted|annoyed|upset|angry) (?:that )?i (?:woke up|'m still (?:alive|here)|am still (?:alive|here)|didn't die|did(?=\s*(?:[.!,;]|$)))",
        r"(?:hope|hopes|hoping|hoped) (?:that )?(?:it|this|the \w+|something|someone|one of them) (?:\w+ )?(?:kills|will kill|would kill|finishes|takes) me\b(?! (?:off|to|out of|back|home|through|away|in|on|for|round|under|with|places)\b)",
        r"(?:lie|lay) down (?:in the \w+ |somewhere )?and (?:never|not) (?:get up|wake up|get back up)",
        r"why bother (?:being alive|living|staying alive|existing|going on)\b",
        r"(?:i'd|i would) (?:much )?rather be with (?:her|him|them) than (?:here|alive|down here)\b",
        r"hop(?:e|es|ed|ing) for (?:a |the )?(?:crash(?! course| mat| pad| diet)|fatal accident|heart attack|stroke)\b",
        r"woke up disappointed",
        rf"(?:such a |a |what a )?(?:relief|peaceful|easier|nice) to {SOFT}(?:not exist|not be here|not be alive|not wake up|be dead|stop existing|disappear forever)",
        # "how nice it would be to just not be here anymore"
        rf"(?:relief|peaceful|easier|nice|lovely|restful|good)(?: it)? (?:would|'d) be to {SOFT}(?:not exist|not be here(?! (?:at|in|on|for|today|tomorrow|this|during|when|while)\b)|not be alive|not wake up|be dead|stop existing|disappear forever|be gone(?=\s*(?:[.!,;]|$)))",
        # "my kids would be better off with the insurance money than with me"
        r"(?:better off with|get more (?:out of|from)|be better with) (?:the |my )?(?:\w+ ){0,2}?(?:insurance|payout|pay-?out|money|pension)\b[^.!?]{0,30}?\bthan (?:with |having |out of |from )?me\b",
        rf"(?:i'd|i would|i'll|i will|i'm|i am) {SOFT}(?:be )?{SOFT}(?:fine|ok|okay|alright|at peace|happy) (?:with )?(?:not existing|not being (?:here|alive)|not waking up|never waking up|being dead|dying(?! (?:my|the|it|her|his|their|your|a)\b))",
        rf"(?:would|'d) {SOFT}(?:quite |really |rather )?like to (?:be dead|die(?! (?:my|the|it|her|his|their|your|a)\b)|not exist|stop existing|not wake up)",
        r"(?:give|do) anything (?:not to|to not) (?:exist|be here|be alive|wake up)|(?:give|do) anything to (?:die|be dead|stop existing|not exist)",
        r"(?:want|wish|need|hope)\w*\b.{0,30}?\b(?:switch|turn) me off\b",
        r"only (?:still )?(?:alive|here) (?:because|cause|cos|for)",
        r"wish(?:ed|es)? it (?:had been|was|were) me (?:instead|not)",
        r"(?:if|when) (?:i got|i get|i was|i were) (?:hit|run over|killed)\b.{0,60}?\b(?:relief|relieved|thank you|glad|grateful|wouldn't mind|fine with it|okay with it)",
        r"if (?:a |the |some )?\w+ (?:(?:fell on|hit|ran over|killed) me|took me out|knocked me down|wiped me out)\b.{0,60}?\b(?:relief|relieved|thank you|glad|grateful|wouldn't mind|fine with it|okay with it|(?:wouldn't|would not) (?:\w+ )?(?:be upset|be sad|be mad|be angry|mind|care))",
        # "hoping a truck drifts into my lane"
        r"hop(?:e|es|ed|ing) (?:that )?(?:a|the|some) (?:truck|lorry|bus|car|van|train|drunk driver|driver) (?:\w+ )?(?:drifts?|swerves?|veers?|crosses|comes|ploughs|plows|hits?|smashes)\b[^.!?]{0,20}?\b(?:into|onto|across) (?:my|me)\b",
        # "if I got sick and died at least I'd finally get to rest"
        r"if i (?:got (?:sick|ill) and )?died\b[^.!?]{0,20}?\b(?:at least )?i(?:'d| would) (?:finally )?(?:get to )?(?:rest|sleep|be free|have peace|be at peace)\b",
        r"(?:fall|go) (?:to )?(?:asleep|sleep) and stay asleep\b",
        r"(?:hop|wish|pray)\w* (?:that )?i (?:get|catch) (?:\w+ ){0,3}?(?:bad|sick|ill) enough (?:that )?(?:it )?(?:just )?(?:takes|kills|would take|would kill) me\b",
        r"if i (?:died|didn't wake up|never woke up|was gone|wasn't here|just stopped existing)\b.{0,60}?\b(?:wouldn't (?:be upset|mind|care|be sad)|sounds (?:ok|okay|good|nice|fine|peaceful)|(?:relief|relieved|glad|grateful|fine with it|okay with it))",
        r"hop(?:e|ing) (?:that )?i (?:\w+ ){0,4}(?:and )?(?:don't|never|won't) (?:recover|wake up|make it|come back)",
        r"kill me now\W+(?:genuinely|seriously|not (?:as )?(?:a )?joke|not joking|i mean it|for real)",
        rf"(?:i'd|i would) (?:be )?{SOFT}(?:quite |very |more than )?(?:glad|happy|relieved|grateful|fine) to {SOFT}(?:go|be gone|not be here|not exist|not wake up)(?: now| soon| too| anymore| any more)?(?=\s*(?:[.!,;]|$))",
        r"(?:i've|i have) had my life\b",
        r"what(?:'s| is) (?:even )?the point (?:of|in) (?:me )?(?:living|being alive|life|going on|staying alive|existing|being here)",
        r"(?:i'm|im|i am) (?:so |just |really )?done (?:with )?(?:being alive|existing|living)\b(?! (?:in|with|at|on|like|here|there|off)\b)",
        r"(?:tired of|tired from|done with|sick of) (?:having to )?(?:living|being alive|be alive|existing|exist|life|being a person|being human|breathing)\b",
        r"(?:tired of|done with|sick of) being here(?=\s*(?:[.!,;]|$|anymore|any more))",
        r"(?:nothing|none of (?:this|it)|not|isn't|is not|ain't) (?:\w+ ){0,2}worth (?:staying alive|living|being alive|sticking around) for",
        r"life(?: just| really| honestly| simply)?(?: is not| isn't| is no longer|'s not|'s no longer| ain't| (?:doesn't|does not|no longer) (?:feel|seem)s?) (?:really )?worth (?:living|it|all this|the (?:effort|pain|struggle|fight|admin|hassle|bother|trouble|energy|stress))",
        r"(?:can't|cannot) (?:go on|keep) living",
        r"(?:want|need|wish) (?:it|everything|the pain|this|all of it|life|it all) (?:all )?to (?:end|stop|be over)(?: |\W+)(?:for good|forever|permanently)\b",
        r"hope i (?:don't|never|won't) wake up",
        r"hope i (?:die|get hit by)",
        r"ready to die",
        rf"(?:wouldn't|would not|won't) {SOFT}(?:care|mind) (?:if i {SOFT}(?:died|didn't wake up|didn't make it|was gone|were gone|got hit|didn't exist|never woke up)|not (?:existing|being here|waking up)|dying|being dead)",
        r"(?:wouldn't|would not) mind if (?:a|the|some) \w+ (?:hit|killed|took) me",
        r"(?:wouldn't|would not|won't) (?:be upset|be sad|mind|care|fight it) if (?:the |my |this )?(?:cancer|illness|disease|tumou?r|infection|heart (?:thing|condition)) (?:came back and |comes back and )?(?:just )?(?:won|wins|took me|takes me|got me|gets me|spread)\b",
        r"(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|pray(?:s|ed|ing)?) (?:that )?(?:the |my |this )?(?:cancer|illness|disease|tumou?r|heart (?:thing|condition)) (?:wins|would win|will win|takes me|would take me|gets me|hurries up|speeds up)\b",
        rf"(?:wouldn't|would not|won't) {SOFT}(?:mind|care) if (?:the|my|a|this) (?:plane|flight|train|coach|ferry|bus|car|taxi|van) (?:went down|goes down|came down|comes down|crashed|crashes|went off the road|goes off the road|came off the road|flipped|went over)\b",
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
        rf"(?:wouldn't|would not|widnae|wouldnae) {SOFT}(?:bother|upset|matter to) me if (?:i|a) {SOFT}(?:didn't|did not|didnae|never) (?:wake up|woke up)\b",
        # "wish one of those crash calls had been for me and nobody had got there in time"
        r"wish\w*\b[^.!?]{0,60}?\b(?:been|was|were) (?:for )?me\b[^.!?]{0,10}?\band (?:nobody|no one|no-one) (?:had )?(?:got|get|gets|came|come|made it) (?:there )?in time\b",
        r"(?:pray(?:ing)?|hop(?:e|ing)) (?:that )?(?:god |something |someone |the universe )?(?:just )?takes? me",
        # "I've started hoping something gets me first. A heart attack, anything."
        r"(?:pray\w*|hop(?:e|es|ed|ing)) (?:that )?(?:something|anything) (?:just )?gets? me(?: first| soon| one day)?(?=\s*(?:[.!,;]|$))",
        # "I pray at night that God takes me in sleep", not "takes me where I'm needed"
        r"pray\w* (?:\w+ ){0,3}?(?:that )?(?:god|the lord|jesus|allah|the universe|bhagwan|he) (?:would |will )?(?:just )?takes? me\b(?! (?:to|where|through|on|into|under|by|with|as|back|under)\b)",
        r"wish(?:ed|ing)? (?:god|the lord|the universe|something|someone) would (?:just )?take me",
        r"why am i (?:even |the one )?still (?:here|alive|around|breathing)",
        r"(?:don't|do not|can't|cannot) (?:really )?see why i(?:'m| am) (?:even )?still (?:here|alive|around)",
        r"what am i (?:even )?still (?:here|alive|around) for",
        r"(?:don't|do not|can't|cannot) see why i (?:should|would|need to|have to)(?: have to)? (?:keep|go on|carry on) (?:living|existing|being alive|going)",
        r"(?:ask|asks|asking|asked|beg|begging|begged|pray|praying|prayed) (?:god|the lord|jesus|allah|the universe) to (?:just )?(?:let me (?:go|die)|take me)\b",
        r"(?:let|take) me (?:go |die )?in my sleep",
        rf"pray(?:s|ed|ing)? (?:every night |each night |at night )?(?:that )?i {SOFT}(?:won't|don't|will not|do not|never) wake",
        # "Most nights I pray not to see the morning."
        r"pray(?:s|ed|ing)? (?:\w+ ){0,3}?(?:not to (?:see|wake (?:up )?to) (?:the |another )?(?:morning|next day|dawn|sunrise|tomorrow)|(?:that )?i (?:won't|don't|never|will not|do not) see (?:the |another )?(?:morning|tomorrow|dawn|sunrise))",
        r"if (?:you're|you are|god's|god is|he's|he is) calling me(?: home)?\b.{0,40}?\b(?:i'm ready|i am ready|sooner)",
        # "If You called me home tonight I would not argue with You."
        r"if (?:you|god|he|the lord|jesus|allah) (?:called|calls|took|takes|were to (?:call|take)) me(?: home| to (?:you|him|heaven))?\b.{0,40}?\b(?:i'm ready|i am ready|i (?:would not|wouldn't|won't|will not) (?:argue|mind|fight|resist|complain)|i'd (?:go|be glad|be grateful)|i (?:would|'d) (?:thank|be grateful|be glad)|gladly|happily)",
        r"(?:nearly|almost) (?:hit|clipped|killed|ran over|knocked)\b.{0,60}?\b(?:disappoint\w*|shame it missed|wish(?:ed)? it hadn't missed)",
        r"(?:lord|god|jesus|allah|bhagwan|bhagavan|waheguru|rabb|dear god|oh god),? (?:please )?(?:just )?take me(?: home| now| already| away)?(?=\s*(?:[.!,;]|$))",
        r"(?:fantasi[sz]\w*|daydream\w*|hop(?:e|es|ing)|wish\w*)(?: about| of)? (?:getting|being|falling) (?:sick|ill|hit)\b.{0,40}?\b(?:not|never) (?:getting better|recovering|waking up|coming back)",
        rf"wish(?:ing)? (?:something|someone) would {SOFT}(?:happen to|kill|hit) me",
        r"(?:so|and) (?:it|this|everything)(?:'d| would) (?:all )?(?:just )?be over",
        rf"if i {SOFT}(?:didn't|did not|don't) exist",
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
        rf"(?:want|wish|hope|hoping|ready for|need|long for|longing for)(?: i could)? {SOFT}(?:have |get |go to )?(?:for )?(?:the |a )?(?:long|permanent|eternal|endless|final|big) sleep",
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
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:call|take) me (?:home )?instead\b",
        context=r"lord|god|jesus|allah|heaven|pray\w*|calling (?:people|them|us) home",
    ),
    # Good news about the writer's health as a disappointment: "Doctor said the scan was clear
    # and I was disappointed."
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:scan|results?|tests?|biopsy|bloods?|mri|x-?ray|lump|ecg)\b[^.!?]{0,30}?\b(?:was|were|is|are|came back|come back|looked) (?:all )?(?:clear|fine|normal|negative|benign|ok|okay|nothing)\b[^.!?]{0,30}?\b(?:i was|i'm|i am|i felt|and felt|felt|i feel) (?:a (?:bit|little) |kind of |so |really |almost )?(?:disappointed|gutted|let down)\b",
    ),
    # A saying about work wearing the writer out, taken up as a wish: "the lads say the night
    # runs will be the death of us ... I caught myself hoping they're right".
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:death of (?:me|us)|kill(?:ing)? (?:me|us)|end of (?:me|us))\b.{0,160}?\b(?:hop(?:e|ing|ed)|wish(?:ing|ed)?) (?:they're|they are|it's|it is|that's|they were|it was|he's|she's|he was|she was) (?:right|true)\b",
    ),
    # Reasons for living that are all that is left: "the only thing keeping me here is my dog",
    # "if I didn't have the kids I'd be gone"; not coffee keeping a tired parent alive.
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"only (?:thing|reason|one|person|people|things) (?:keeping|that keeps|that's keeping|holding|that holds) me (?:here|alive|going|from (?:doing it|ending it))",
        r"(?:if (?:it )?(?:wasn't|weren't|was not|were not) for|if i didn't have|if not for) (?:my |the )?\w+(?: \w+)?,? i(?:'d| would)(?: have)? (?:be |been )?(?:gone|dead|done it|not (?:be )?(?:here|around|alive))(?=\s*(?:[.!,;]|$|by now|already|long ago|years ago))",
        unless=r"coffee|caffeine|tea|sugar|chocolate|wine|gin|beer|spite|red bull|energy drinks?|naps?|snacks?|biscuits?|netflix|podcasts?|music|satnav|sat nav|map|alarm",
    ),
    # Joining the dead, and envying them (C-SSRS: a wish to be dead), only beside a death.
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:i'll|i will|i'm going to|i am going to|i'm gonna|i want to|i wanna|wanting to|can't wait to|ready to|i'll soon) (?:be )?(?:soon )?join(?:ing)? (?:her|him|them|my (?:mum|mom|dad|mother|father|wife|husband|son|daughter|brother|sister|nan|nana|gran|grandma|grandad|grandpa|friend|partner|baby|boy|girl))\b(?! (?:for|at|in|on) )",
        # "Mum died in March. I want to be with her." (not "with her at the end", "this week")
        r"(?:i|i just|i only|i still) (?:want|wanna|long|need) to be (?:with (?:her|him|them)|(?:wherever|where) (?:she|he|they) (?:is|are))(?![ ,]+(?:at|for|on|in|this|tonight|tomorrow|today|through|while|when|as|until|till|now|more|again|and (?:the|my|our))\b)",
        context=r"funeral|service|grave|graveside|passed|died|death|dead|lost (?:her|him|them)|grief|grieving|heaven|buried|ashes|memorial|wake",
    ),
    # Trading places with the dead, only beside a death.
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:i'd|i would|i'd happily|wish i could|i want to) (?:happily |gladly )?(?:swap|trade|change) places",
        context=r"obituar\w*|coffin|funeral|passed (?:away|peacefully|on)|died|dies|death|the dead|grave",
    ),
    # Envy of the dead, only beside a death.
    rule(
        PASSIVE, RiskLevel.MODERATE,
        r"(?:envy|envied|envying|envies|envious|jealous)(?! of (?:your|his|her|their) (?:holiday|car|house|job))",
        context=r"obituar\w*|coffin|casket|funeral|passed (?:away|peacefully|on|at)|died|dies|death|the dead|dead people|grave|corpse|hearse",
    ),
    rule(
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
    # Someone's joke taken to heart: "my friend joked 'I'm gonna kms' about the exam and I
    # laughed but I actually think about it for real".
    rule(
        ACTIVE, RiskLevel.MODERATE,
        r"i (?:actually|really|genuinely|seriously) (?:do )?(?:think|thought|been thinking) about (?:it|that|doing it|doing that)\b",
        r"(?:think|thought|thinking) about (?:it|that|doing it|doing that) for real\b",
        context_in_note=r"kill(?:ing)? my ?self|kms|unaliv\w*|off my ?self|suicid\w*|end(?:ing)? (?:it all|my life)|(?:want|wanna|wanted) to die|jump(?:ing)? off",
    ),
    # Someone else's thoughts, and now the writer's: "I ask patients about suicidal thoughts
    # every day. Tonight I'm the one having them."
    rule(
        ACTIVE, RiskLevel.MODERATE,
        r"(?:i'm|i am|im) the one (?:having|with|who has|who's having|who is having) (?:them|those thoughts|those|it)\b",
        context_in_note=r"suicid\w*|kill(?:ing)? (?:my|them|him|her)sel(?:f|ves)|wanting to die|want to die",
    ),
    # An intrusive thought in the second person: "intrusive thought every feed: kill yourself".
    rule(
        ACTIVE, RiskLevel.MODERATE,
        r"kill yourself|kys\b|you should (?:just )?die|go (?:and )?die|(?:just )?(?:end|off) yourself",
        context=r"intrusive|thoughts?|voices?|my head|brain|inner voice",
        unless=r"chat|game|gaming|lobby|online|comments?|troll\w*|told|said|(?<!voice )(?<!voices )says|dm\w*|messages?|stream\w*|texted|posted|replied|tweet\w*|(?<!voice )(?<!voices )saying|shouted|yelled|screamed|called me",
    ),
)  # fmt: skip

DISTRESS_RULES: tuple[Rule, ...] = (
    # Numbness, unless the note tells of someone else's death or attempt.
    rule(
        DISTRESS, RiskLevel.LOW,
        rf"{_FEELING}numb\b",
        unless_in_note=r"died|killed (?:himself|herself|themselves)|took (?:his|her|their) own life|suicide|overdosed|an overdose|funeral|passed away|coroner|(?:he|she|they)(?:'s| was| were| is| are) (?:in hospital|in icu|on (?:a|the) bridge)|lost (?:a|my|our) (?:patient|friend|son|daughter|brother|sister|mum|mom|dad|husband|wife|partner|baby|child)",
    ),
    rule(
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
