"""Intent and its time frame, preparations and goodbyes, attempts made or broken off, and
past attempts (C-SSRS behaviour)."""

from __future__ import annotations

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.rules.base import (
    AS_PRESCRIBED,
    ATTEMPT,
    INTENT,
    PAST_ATTEMPT,
    PILLS,
    PREPARATION,
    SHOOTING,
    WHEN,
    Rule,
    rule,
)

# "my last entry from this flat": the last of a place or a notebook, not of a life
_NOT_A_PLACE = (
    r"(?! (?:from|in|of|at) (?:this|the|my|our) (?:flat|house|apartment|room|office|city|country|town|dorm|halls|notebook|job|school|term|company|firm|shop|store|practice|hospital|ward|club|studio|restaurant|bank|agency|station|factory|warehouse|nursery|surgery|salon|cafe|café|pub|library|site|depot|plant|charity|council|bakery|phone|laptop|tablet|device|account|app|computer)\b| at work\b"
    r"| for (?:a while|now|a bit|a few (?:days|weeks)|(?:the|a) (?:week|weekend|month|fortnight|summer|holidays?))\b| (?:until|till) | before (?:the|my|our|a|we|i) (?:\w+ ){0,2}?(?:holidays?|trip|move|flight|detox|break|wedding|op|operation|surgery|exams?|festival|honeymoon|camp|course|retreat|deployment|baby|birth|leave|travels?|go (?:away|abroad|travelling|on holiday))\b| here\W+(?:i'm |im |i am )?(?:moving|switching|migrating) (?:over )?to (?:a |an |my )?(?:paper|new|another|different|other)\b"
    r"|\W+(?:of|for|in) (?:(?:19|20)\d\d|the year|this year)\b"
    r"| (?:in|of) (?:this|the|my) (?:\w+ )?(?:journal|diary|notebook|book|jotter|planner)\b(?=.{0,80}?\b(?:it's full|it is full|(?:is|'s) full|out of (?:pages|room|space)|(?:last|final) page|new (?:one|notebook|journal|diary|book)))\b)"
)

ACT_RULES: tuple[Rule, ...] = (
    # Climbing: "went back alone, no rope, meaning to do it".
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:no|without (?:a|the|my)) rope\b.{0,40}?\b(?:meaning|intending|planning|going|wanting) to (?:do it|jump|let go|fall)",
    ),
    # Up high or on the line, not for the view or the gutters: "I'm on my building's roof now".
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:i'm|i am|im) (?:standing |sitting )?(?:on|at) (?:the|my|our|(?:my |the |our )?\w+'s) (?:edge|ledge|bridge|roof|tracks|rooftop)",
        r"^\W*(?:up )?on the roof(?: of (?:the|my|our) \w+)?(?=\W*(?:[.!,]|$))",
        unless=r"fix\w*|repair\w*|tiles?|gutters?|aerial|antenna|solar|chimney|roofer|scaffold\w*|fireworks|sunset|sunrise|view|party|drinks|bbq|barbecue|sunbath\w*|photos?|garden|terrace bar|stars",
    ),
    # A place of danger and a goodbye: "At the level crossing now. Barriers are down. Sorry Marge."
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:at|on) the (?:level crossing|railway (?:line|tracks)|train tracks|tracks|cliff edge|cliff top|clifftop|ledge|bridge|roof|rooftop) (?:right )?now\b.{0,60}?\b(?:sorry|goodbye|forgive me|love you all|bye)\b",
    ),
    rule(
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
        rf"(?:won't|wont|will not) be (?:a |the )?(?:problem|burden) (?:for|to) (?:anyone|everyone|anybody|you|them) (?:after|from|past|beyond) (?:this weekend|the weekend|{WHEN}|next week|christmas)\b",
        r"(?:tonight|tomorrow|today|this weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:'s| is) (?:when|the night|the day) i (?:finally )?(?:go through with it|end it|end things|kill myself)\b",
        r"for the last time,? because (?:i'm|im|i am) (?:doing it|going)\b",
        r"(?:tonight|tomorrow)\b[^.!?]{0,20}?\bdoing it (?:when|while|once) (?:the (?:house|flat|place) is empty|everyone(?:'s| is) (?:out|asleep|away|gone))|doing it (?:when|while|once) (?:the (?:house|flat|place) is empty|everyone(?:'s| is) (?:out|asleep|away|gone))\b[^.!?]{0,10}?\b(?:tonight|tomorrow|today)\b",
        r"last (?:day|night|week) of everything\b(?! (?:before|until|till|for|at)\b)|goodbye,? cruel world|see you never\W+cruel world",
        rf"(?:after|by|from) (?:the weekend|{WHEN}|next week|christmas|new year|my birthday)\W+(?:\w+\W+){{0,2}}?(?:i )?(?:won't|wont|will not) be (?:[\w']+ )?(?:problem|burden)\b",
        rf"(?:i'm|im|i am|i'll|i will) (?:going to |gonna )?(?:\w+ ){{0,4}}?take (?:the rest of|all (?:of )?) (?:my |the )?{PILLS}\b(?! (?:with|on|to|into|back|abroad|away)\b)",
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
        rf"after {WHEN}\W+(?:\w+\W+){{0,4}}?(?:stop|quit) worrying about me",
        rf"after {WHEN}\W+(?:\w+\W+){{0,3}}?(?:nobody|no one|no-one|none of (?:you|them)) (?:\w+ ){{0,2}}?(?:have|need|needs|has) to (?:worry about|deal with|put up with|look after) me\b",
        # "Happy birthday to me. My last one."
        r"(?:birthday|christmas)\b[^.!?]{0,40}[.!]+\s*(?:my|the) last one(?=\s*(?:[.!]|$))",
        rf"(?:won't|wont|will not|never|no longer|don't|not) (?:have to|need to) worry about me (?:after|from|past) {WHEN}",
        rf"(?:nobody|no one|no-one|none of (?:you|them)) (?:needs to|has to|will have to|will need to) (?:worry about|deal with|put up with|look after) me (?:after|from|past|beyond) {WHEN}",
    ),
    rule(
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
    rule(
        INTENT, RiskLevel.IMMINENT,
        rf"(?:i'm|im|i am|i'll|i will) (?:ending|end) (?:it|things|everything|my life)(?: all)? (?:{WHEN}|soon|next week|at the weekend|on (?:the )?\w+|before|after|once|when)\b",
        r"(?:i'm|im|i am) ending (?:it all|my life)\b",
        r"(?:when|once|after) i get (?:home|back|in)\b[^.!?]{0,20}?(?:i'm|im|i am|i'll|i will) (?:ending|end) (?:it|things|everything|my life)(?: all)?(?=\s*(?:[.!,;]|$))",
        rf"(?:{WHEN}|soon|next week|at the weekend)\b[^.!?]{{0,40}}?\b(?:i'm|im|i am|i'll|i will) (?:ending|end) (?:it|things|everything|my life)(?: all)?(?=\s*(?:[.!,;]|$))",
        unless=r"with (?:him|her|them)|relationship|boyfriend|girlfriend|husband|wife|partner|marriage|engagement|fianc\w*|lease|contract|subscription|membership|tenancy|account|gym|blog|podcast|streak",
    ),
    # A time frame alone, in the same sentence as the ideation it dates.
    rule(
        INTENT, RiskLevel.IMMINENT,
        # not a state reported for tonight: "Tonight I'm the one having them"
        r"(?:tonight(?! (?:i'm|i am|im) (?:the one )?(?:having|feeling)\b)|tomorrow|this weekend|after (?:the|my) \w+(?!(?: \w+)? (?:died|passed|left (?:us|me|home))\b)(?![^.!?]*\b(?:i had|i was|where i|when i|i went through|i thought|i spent)\b)|when (?:everyone|they|my \w+) (?:is|are) (?:asleep|gone|out)|once (?:everyone|they) (?:leave|leaves|is gone|are gone))(?! (?:was|were|went|had)\b)",
        ideation_in_sentence=True,
    ),
    rule(
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
        # the place reached for that purpose: "drove to the cliffs after work to do it and sat at
        # the edge for an hour"
        r"(?:drove|went|walked|got|cycled) (?:out |up |down )?(?:to|as far as) (?:the )?(?:cliffs?|bridge|tracks|railway|level crossing|car park roof|multi-?storey)\b[^.!?]{0,30}?\bto (?:do it|end it|jump)\b(?! (?:justice|properly|again|up|for)\b)",
        r"hose\w* (?:pipe )?(?:for|to|on|from|into) (?:the )?(?:car )?exhaust",
        r"practi[sc](?:ed|ing|e) (?:(?:last night|tonight|today|again) )?(?:with (?:the|a) (?:rope|noose|belt|cord)|(?:tonight|last night) and stopped)",
        r"(?:marked|labell?ed|titled|addressed|that says|saying) \W*for after(?=['\"’”]|\s*(?:[.!,;]|$))",
        r"(?:deposit (?:down )?on|got hold of|bought|buying) (?:a |the )?(?:gun|pistol|rifle|shotgun)\b",
        r"giv(?:ing|en|e|ven)(?: away)? (?:all )?(?:of )?(?:my|some of my) (?:stuff|things|belongings|possessions|pets?|cat|dog)(?: away)?",
        r"gave (?:away )?(?:all )?(?:of )?my (?:stuff|things|belongings|possessions)(?: away)?",
        # messages left or timed that explain, unnamed what: "scheduled the emails to everyone for
        # Saturday morning, the ones that explain"
        r"(?:emails?|messages?|texts?|letters?|notes?|videos?|ones) (?:that|which|to) explain(?:s)?(?: (?:it|everything|why|it all))?(?=\s*(?:[.!;]|$))",
        r"(?:whoever|the person who|whoever has to|whoever's going to) (?:clears? out|empties|sorts? out|goes? through) (?:my|the) (?:flat|room|house|place|apartment|things|stuff|belongings)",
    ),
    # Cared for when the writer is gone, unless the writer is only going away: "They'll be
    # looked after when I'm not around."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:be|get|are|is) (?:looked after|taken care of|cared for|fed|walked|loved) (?:when|after|once) i'?m (?:gone|not here|not around)(?=\s*(?:[.!,;]|$))",
        r"for when i'?m (?:not here|gone|not around)(?=\s*(?:[.!,;]|$))",
        unless=r"holidays?|vacation|trip|travel\w*|away|abroad|staying (?:at|with)|visiting|festival|conference|hospital\w*|(?:sea|shore|annual|sick|maternity|paternity) leave|deploy\w*|work|shifts?|sitter|kennels?|cattery|neighbou?rs? (?:is|are|'s) (?:popping|coming|feeding)|while i'?m|off to|flying|flights?",
    ),
    # What the letters or the means are kept for, sentences after they are named: "Sealed them.
    # They're in my desk drawer for after.", "Got a hose today. Keeping it in the garage for when
    # I'm ready."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:they're|they are|it's|it is|left|put|kept|keeping|hidden|hid|sealed)\b[^.!?]{0,40}?\bfor after(?=\s*(?:[.!,;]|$))",
        context_in_note=r"letters?|notes?|envelopes?|sealed",
    ),
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:keeping|keep|kept|hid|hidden|hiding|saving|saved|stashed|put) (?:it|them|\w+ \w+)\b[^.!?]{0,40}?\bfor when i'?m ready(?=\s*(?:[.!,;]|$))",
        context_in_note=rf"hose|rope|noose|{PILLS}|gun|charcoal|belt|blades?|razors?",
    ),
    # A bill paid so nobody is left with it: "paid the feed bill so nobody's left with it".
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:paid|paying|pay|cleared|settled) (?:\w+ ){0,3}(?:debts?|bills?|credit cards?|loans?|overdraft)\b.{0,30}?\bso (?:nobody|no one|no-one|they|mum|mom|dad|my \w+)(?:'s| is)? (?:inherits?|gets? stuck with|stuck with|has to pay|left with)",
        unless=r"mov(?:e|ing)\b|moved|holidays?|trip|away|travel\w*|abroad|flat ?share|landlord|tenancy|lease|deposit|house ?mates?|flat ?mates?",
    ),
    # A cover denied, beside goodbyes prepared: "Scheduled the posts like I always do before a
    # holiday. Then I scheduled the other messages. There's no holiday."; "People think I'm
    # decluttering. I'm not."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:^|(?<=[.!?] ))there(?:'s| is) no (?:holiday|trip|surgery|operation|new job|move|boat|conference|course|flight)(?=\s*(?:[.!]|$))",
        r"(?:think|thinks|thought) (?:i'm|im|i am) (?:just )?\w+ing\b[^.!?]{0,20}[.!?]\s+(?:i'm|im|i am) not\b",
        context_in_note=r"schedul\w*|passwords|letters?|gave|giving|given|will\b|rehom\w*",
    ),
    # A gun loaded and sat with: "loaded it and sat with it. put it back eventually."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:loaded|load|loading) (?:it|the gun|the rifle|the shotgun|the pistol) and (?:sat|sit|sitting|held|holding) (?:with|onto) it\b",
        unless=rf"{SHOOTING}|clean\w*",
    ),
    # A cover story denied by its own facts: "told her it's because of the surgery, there's no
    # surgery", "Told the guy it was for the boat. I don't have a boat."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|telling|said) (?:\w+ ){0,3}?(?:it's|it was|it is|its) (?:because of|for) (?:the|my|a) (\w+)\b[^.!?]{0,20}?\bthere(?:'s| is|s) no \1\b",
        context_in_note=r"wills?|passwords|who gets|letters?|gave|giving|rope|hose",
    ),
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|said) (?:\w+ ){0,3}?it was for (?:the|my|a) (\w+)\b[^.!?]{0,20}[.!?]?\s*i (?:don't|do not|dont) (?:have|own) an? \1\b",
        context_in_note=r"rope|hose|charcoal|gun|belt|cord",
    ),
    # The others don't know it is for good: "Gave Bess to Jim next door, told him I'd be away for
    # a bit. He doesn't know it's for good."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:he|she|they|nobody|no one|no-one) (?:doesn't|don't|does not|do not|didn't|did not) know (?:it's|it is|it was|this is|that it's) (?:for good|forever|permanent)\b",
        context_in_note=r"gave|giving|given|give away|rehom\w*|sold|selling|new homes?|goodbye",
    ),
    # Letters written and sealed: "wrote the letters. four. sealed. in the drawer."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:wrote|written|writing|finished) (?:the|my|all the|all my) letters\b",
        r"(?:written|wrote) (?:each of them|them all|everyone|each) (?:a )?letters?\b",
        context_in_note=r"sealed",
        unless_in_note=r"posted|post office|stamps?|council|application|cover letters?|references?|christmas|thank[- ]you|pen ?pals?|santa",
    ),
    # Messages timed to reach the family, to be understood: "scheduled emails to go out to my kids
    # on Sunday morning. they'll understand better once they read them."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"schedul\w* (?:the |my |some )?(?:emails?|messages?|texts?|letters?) to go out (?:on )?(?:{WHEN}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        r"schedul\w* (?:the |my |some )?(?:emails?|messages?|texts?|letters?|posts?) (?:to go out )?(?:to|for) (?:my (?:kids|children|family|wife|husband|partner|parents|mum|mom|dad|sister|brother|son|daughter)|mum|mom|dad|everyone)\b",
        context_in_note=r"(?:they|she|he|you)(?:'ll| will) understand|explain\w*|sorry|forgive|one each|each of them|couldn't say|goodbye",
    ),
    # A cover story told and denied, beside things given away: "told everyone I'm decluttering
    # because I'm moving. I'm not moving."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|telling|tell|said|saying) [^.!?]{0,40}?\b(?:i'm|im|i am) (\w+ing)\b[^.!?]{0,40}[.!?]\s+(?:i'm|im|i am) not (?:really |actually )?\1\b",
        context_in_note=r"gave|giving|given|give away|rehom\w*|sold|selling|new homes?",
    ),
    # ... or a reason given and taken back: "Told the lad on the till it was for the calves. It
    # isn't for the calves."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:told|telling|tell|said|saying) [^.!?]{0,40}?\bit (?:was|is|'s) (?:for )?(?:the |a |my )?(\w+)\b[^.!?]{0,30}[.!?]\s+(?:it|there) (?:isn't|is not|wasn't|was not|'s not|is no|was no) (?:\w+ ){0,3}?\1\b",
        context_in_note=r"rope|noose|pills|tablets|hose|gun|shotgun|rifle|rehom\w*|gave|giving|given|give away|new homes?",
    ),
    # Back from the place, and next time perhaps not: "Drove to the bridge last night ... Might
    # not drive home next time."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:might|may|probably|maybe i) (?:won't|not|will not) (?:drive|come|walk|make it) (?:home|back) next time\b",
        r"next time i (?:don't think i'll|won't|will not|might not) (?:turn back|come back|come home|stop)\b",
        r"stepped back at the last (?:second|minute|moment)\b",
        r"(?:don't|do not|didn't|did not) know why i (?:came|come|went|drove|walked) (?:home|back|down)\b",
        context_in_note=r"bridge|cliffs?|tracks|roof|edge|ledge|car park|multi-?storey|river|level crossing",
    ),
    # Giving things away that won't be needed, unless for an ordinary reason: "Giving away all
    # my textbooks, I won't need them anymore. PASSED MY LICENSING EXAM."
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:gave|giving|given|give|sold|selling|sell) .{0,120}?\b(?:won't|wont|will not) (?:be needing (?:it|them|any of)|need (?:it|them|any of (?:it|them|this)) (?:anymore|any more|where i'm going|after)|need (?:it|them|any of (?:it|them|this))(?=\s*(?:[.!,;]|$)))",
        unless=r"passed|graduat\w*|qualified|finished (?:my|uni|school|college|the course)|exams? (?:are |is )?(?:over|done)|retir\w*|mov(?:e|ing)\b|emigrat\w*|upgrad\w*|new (?:one|phone|laptop|bike|car|house|flat|place|home)|grown out|outgrown|declutter\w*|charity|donat\w*|car boot|baby|kids",
    ),
    # A jump tonight, said with a goodbye: "im going to jump tonight. sorry mum" (not a
    # parachute or a swim).
    rule(
        INTENT, RiskLevel.IMMINENT,
        r"(?:i'm|im|i am) (?:going to|gonna) jump (?:tonight|tomorrow|today|now)\b",
        context_in_note=r"sorry|goodbye|forgive|bridge|roof|cliff|ledge|balcony|multi-?storey",
        unless=r"parachut\w*|skydiv\w*|bungee|trampoline|pool|lake|sea|queue|puddle|waves|rope|ship|train|plane|fence|hurdles?|high jump|long jump",
    ),
    # Away for a while with the reason in the same breath: "won't be around next week, I'm
    # staying at my sister's for the birth".
    rule(
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
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:goodbye|farewell) (?:letters?|notes?|messages?|texts?|emails?|videos?)",
        r"said my goodbyes|saying my goodbyes|(?:said|say|saying) (?:a )?(?:last|final) goodbye",
        r"(?:wrote|written|writing|typed|recorded) (?:my|a) goodbye\b(?! (?:card|speech|toast|song|post to the))",
        unless_in_note=r"put (?:my |our |the )?(?:old |poor |lovely |\w+ )?(?:dog|cat|horse|pony|rabbit|him|her|boy|girl) down|put to sleep|euthanas\w*|\bpts\b",
        unless=r"clients|colleagues|team|coworkers|co-workers|customers|students|pupils|class|followers|subscribers|group chat|festival|expedition|trip|travel\w*|sabbatical|(?:on|annual|maternity|mat|paternity|pat|parental|sick|study|compassionate|shore|my) leave|maternity|paternity|holiday|retir\w*|leaving do|last day|last shift|new job|move|moving|depot|office|airport|emigrat\w*|company|job|contract|handover|flying|flight|placement|abroad|gap year|ward|career|(?:\d+|twenty|thirty|forty) years (?:of|at|in|on)|vet|put (?:him|her|them|my \w+|the \w+|\w+) down|put to sleep|euthanas\w*|pts\b",
    ),
    # Going to the place and turning back: "stood at the edge for ages" up on the car park
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:stood|standing|stand|sat|sitting) (?:right )?(?:at|on) the edge\b(?! of)",
        context=r"car park|roof|rooftop|bridge|cliff|top floor|balcony|multi-?storey|tower|ledge|platform",
    ),
    # Letters left with the papers for after: "sealed them and put them with the insurance papers"
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"letters?\b.{0,80}?\b(?:insurance (?:papers|policy|documents)|my will|passwords)",
        r"(?:insurance (?:papers|policy|documents)|my will|passwords)\b.{0,80}?\bletters?\b",
        unless=r"diagnos\w*|baby|babies|pregnan\w*|newborn|wedding|mortgage|solicitor|lawyer|surgery|operation|retir\w*|bank|renewal|post(?:man)?",
    ),
    # Affairs and a will put in order for the reasons people ordinarily have are no goodbye.
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        r"(?:put|putting|get|getting|got) my affairs in order",
        r"(?:wrote|made|updated|finished) my will",
        r"(?:left|leaving|put|laid) (?:my |the )?(?:signed )?will (?:out )?(?:on|by) (?:the|my) (?:table|side|bed|desk|counter|pillow|kitchen table)",
        unless=r"diagnos\w*|baby|babies|pregnan\w*|newborn|wedding|married|engaged|divorce\w*|separation|mortgage|solicitor|lawyer|surgery|operation|retir\w*|godparents?|guardians?|probate|life admin|adulting|fresh start|trip|travel\w*|expedition|deploy\w*|field season|no signal|abroad",
        # an illness named anywhere in the note: "motor neurone disease. This week I've been
        # getting my affairs in order"
        unless_in_note=r"power of attorney|advance (?:statement|directive|decision)|terminal|palliative|hospice|motor neurone|dementia|parkinson'?s",
    ),
    rule(
        PREPARATION, RiskLevel.IMMINENT,
        rf"(?:bought|got|buying|ordered|picked up|found) (?:a |the |some |enough )?(?:rope|noose|gun|razor blades?|blades?|charcoal|{PILLS})",
        needs_ideation=True,
    ),
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        rf"(?:just |already )?(?:took|taken|swallowed|downed) (?:all|a bunch|a lot|a handful|the whole bottle|[5-9]|[1-9]\d+|[a-z]+ty|[a-z]+teen|(?:way |far )?too many) (?:of )?(?:my |the |those )?(?:\w+ )?{PILLS}{AS_PRESCRIBED}",
        r"(?:blood|bleeding) (?:won't|will not|wont) stop",
        r"(?:already|just) (?:took|taken|swallowed) (?:them|it|everything|all|the)",
        r"(?:took|taken|swallowed) (?:them|everything|all of them|the pills|the lot|the whole)(?: all)? (?:already|\d+ (?:mins?|minutes|hours?) ago)",
        r"(?:i've|i have) (?:taken|swallowed) (?:the pills|all of|everything)",
        r"swallowed (?:all|every)",
        r"(?:took|taken|downed) every (?:single )?(?:pill|tablet|capsule|one of (?:them|my|the))\b",
        r"engine(?:'s| is)? (?:running|on)\b.{0,40}?\bgarage|garage\b.{0,40}?\bengine(?:'s| is)? (?:running|on)\b",
        r"engine running",
        r"car(?:'s| is) running\W+(?:the )?(?:garage )?door(?:'s| is) (?:shut|closed|down)\b",
        rf"(?:took|taken|swallowed) (?:my |the )?(?:\w+ )?{PILLS},? the (?:whole|entire) (?:box|bottle|packet|pack|lot|strip|supply)\b",
        r"(?:car|engine)(?:'s| is) running in the garage",
        r"overdosed (?:\w+ ){0,2}(?:minutes?|mins?|hours?|an hour) ago",
        r"(?:i've|i have|just) overdosed",
        r"(?:i've|i have) (?:just )?taken an overdose",
        # "od'd": written without its apostrophe it is the word "odd"
        r"(?:\bod\x27d|\boded|overdosed) (?:this (?:afternoon|morning|evening)|today|tonight|last night|earlier(?: today)?|an hour ago)\b",
        r"(?:took|taken|swallowed|downed) (?:a load of|loads of|the whole (?:packet|box|bottle|pack|strip|lot)|the lot|all of (?:them|my))\b(?! (?:\w+ )?(?:back|in|into|out|to (?:the|a|my) (?:pharmacy|chemist|returns?|bin|doctor|gp|hospital|clinic|appointment))\b)",
        rf"(?:took|taken|swallowed|downed) (?:my|the|a) (?:whole|entire) (?:\w+ )?(?:prescription|supply|script|packet|box|bottle|pack|strip|blister|month's|week's|{PILLS})",
        r"i (?:just |have |'ve |already |have just |'ve just )?(?:drank|drink|drunk|swallowed|took|taken|downed) (?:down )?(?:the |some |a |an )?(?:(?:bottle|cup|glass|can|mug|capful) of (?:the )?)?(?:\w+ )?(?:poison|bleach|weedkiller|weed killer|antifreeze|pesticide|paraquat|rat poison)\b",
        r"(?<!it )(?<!that )(?<!has )(?<!\x27s )(?:took|taken|swallowed) everything(?! (?:i had|out of|in me|to|i've got))",
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
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"tried(?: it)? (?:last night|yesterday|earlier|this morning|on \w+day)\b[^.!?]{0,30}?[.,;]?\s*(?:and )?(?:i )?woke up",
        r"(?:^|(?<=[.!?] ))(?:already|just) swallowed(?=\s*(?:[.!]|$))",
        context_in_note=rf"(?:rest|remainder) of (?:the|my) {PILLS}|with (?:the|my) {PILLS}|{PILLS} (?:didn't|did not) work|the rest are still|supply|all of them|with the (?:cord|rope|belt|flex|scarf)|(?:cord|rope|belt) snapped",
    ),
    # Cut with intent to die: "Cut deep this time, meant it."
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"cut (?:deep|deeper|too deep|really deep)\b(?! into (?:the|a|some)\b).{0,40}?\b(?:meant it|wanted it to (?:work|be it|be the end)|to die|to end it)",
    ),
    # Into the water and pulled out: "Jumped into the canal earlier and a dog walker pulled me out."
    rule(
        ATTEMPT, RiskLevel.IMMINENT,
        r"(?:jumped|threw myself|walked|stepped) (?:into|in|off) (?:the |a )?(?:canal|river|sea|lake|harbour|reservoir|quarry|bridge|multi-?storey|car park|roof)\b",
        context=r"pulled me out|fished me out|dragged me out|got me out|talked me down|coastguard|lifeboat",
        unless=r"swim\w*|dip|dare|for fun|cool off|paddl\w*|after (?:the|my|a) (?:dog|ball|child|kid|boy|girl)|to (?:save|get|grab|rescue|fetch)",
    ),
    rule(
        PAST_ATTEMPT, RiskLevel.LOW,
        r"(?:tried|attempted|tried to|trying to) (?:to )?(?:kill myself|end (?:it|my life|things)|overdose|hang myself|take my (?:own )?life|commit suicide)",
        r"(?:my|a|the|last|previous|first|second) (?:suicide )?attempts?\b",
        r"suicide attempts?",
        r"survived (?:an? |my )?(?:attempt|overdose)",
        r"(?:took|taken) an overdose",
        rf"overdosed on (?:my |all (?:of )?my |the |some of my |a load of )?(?:\w+ )?{PILLS}",
    ),
)  # fmt: skip
