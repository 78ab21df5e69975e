"""Self-harm: done, hidden, relapsed into, or thought of with a blade to hand."""

from __future__ import annotations

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.rules.base import (
    PILLS,
    SELF_HARM,
    Rule,
    rule,
)

# Marks someone saw are someone else's: "found fresh cuts on her arm".
_NOT_SEEN = r"(?<!found )(?<!saw )(?<!noticed )(?<!spotted )"

# pills taken for the feeling they bring: more than the dose, whose pills they are
_AMOUNT = (
    r"(?:a few |some |a couple (?:of )?|a handful of |a load of |way |far |loads |too many |a lot )"
)
_WHOSE = r"(?:my |mum's |mom's |dad's |his |her |the )?"
_UNFEELING = r"(?:knock (?:myself|me) out|numb|switch off|not feel|stop feeling|feel nothing|not feel anything|not to die|not trying to die)"

SELF_HARM_RULES: tuple[Rule, ...] = (
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:cut|cutting|cuts|burn(?:ed|t|ing)?|scratch(?:ed|ing)?|hit(?:ting)?|punch(?:ed|ing)?|harm(?:ed|ing)?|hurt(?:ing)?|starv(?:ed|ing)|bit(?:ing)?|carv(?:ed|ing)) my ?self(?! (?:shaving|while|on (?:a|the|some)|slicing|chopping|cooking|at the gym|lifting|running|playing|skiing|falling|by accident|in the kitchen|on the job))",
        r"self[- ]?harm(?:ed|ing)?",
        r"self[- ]?injur(?:y|ed|ing|ies)",
        r"(?:bit|hit|punched|scratched|slapped|pinched|dug (?:my nails )?into) (?:my ?self|my (?:own )?\w+)\b.{0,30}?\bhard enough to (?:bruise|bleed|draw blood|leave (?:a )?marks?|hurt)",
        r"\bsh (?:again|urges?)",
        r"urges? to (?:cut|hurt myself|self[- ]?harm|sh\b|burn myself)",
        r"i (?:cut|cutted) again",
        # set against a harmless "cut" before it: "funny bc i cut for real yesterday"
        r"i (?:cut|burned|burnt) (?:myself )?for real\b",
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
        rf"(?:(?:took|taking|take) (?:{_AMOUNT}(?:extra |more )?|extra |more )|doubled? up(?: on)? {_AMOUNT}?(?:extra |more )?)(?:of )?{_WHOSE}(?:\w+ )?(?:{PILLS}|prescription)\b.{{0,50}}?\b{_UNFEELING}",
        # the usual dose taken to feel nothing, not the numbness it leaves: "took my tablets
        # so I'd switch off", not "took my tablets. feel numb"
        rf"(?:took|taking|take) {_WHOSE}(?:\w+ )?(?:{PILLS}|prescription)\b[^.!?\n]{{0,40}}?\b(?:to|so (?:that )?i(?:'d| could| would| can| don't| wouldn't)?|just to|hoping to|wanting to) (?:\w+ ){{0,2}}?{_UNFEELING}",
    ),
    # One fresh cut, on the body and not at the barber's or in a vase.
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        _NOT_SEEN + r"(?:a |one )?fresh cut\b",
        context=r"arms?|wrists?|thighs?|legs?|sleeves?|skin|stomach|hips?|plasters?|bandages?",
        unless=r"barber\w*|haircut|hair|fade|flowers?|grass|lawn|fries|roses|tulips",
    ),
    # Hidden harm come back: "pinching and scratching again ... hiding it from my counsellor"
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:pinching|scratching|hitting|punching|burning|biting|bruising)(?:,? and (?:pinching|scratching|hitting|punching|burning|biting|bruising))? (?:myself )?again\b",
        context=r"hid(?:e|ing)?|counsell?or|therapist|urges?|punish\w*|marks|sleeves",
        unless=r"eczema|itch\w*|rash|mosquito\w*|bites|hives|allerg\w*|chickenpox|psoriasis|cats?|dogs?|puppy|kitten|baby|toddler",
    ),
    # Marks explained away with a lie: "Told her it was the gym. It wasn't."
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:told (?:her|him|them|\w+)|said|say|says) it was (?:the |a |my )?\w+(?: \w+)?\W+it (?:wasn't|was not|isn't)\b",
        context=r"marks|cuts|scars|bruises|burns|arms?|thighs?|wrists?|legs?|bandages?|plasters?|dressings?",
    ),
    # The state of an arm after a relapse: "relapsed. 4 months down the drain. arm's a mess"
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:arms?|wrists?|thighs?|legs?)(?:'s| is| are) (?:a (?:mess|state)|cut up|in (?:a|such a) (?:mess|state)|wrecked)",
        context=r"relaps\w*|(?:days|weeks|months|years) (?:down the drain|gone|wasted)|streak|clean|sh|self[- ]?harm|blade|razor|compass",
    ),
    # Restriction as punishment: "only let myself eat an apple. Didn't deserve more."
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"only (?:let|allowed?) myself (?:to )?(?:eat|have)\b",
        context=r"deserve\w*|punish\w*",
    ),
    # A blade thought of for the body: "kept looking at the knife thinking about using it on my
    # legs again".
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:use|using|used) (?:it|them|the \w+|a \w+|my \w+) on my (?:arms?|legs?|wrists?|thighs?|skin|stomach|hips?)\b",
        context=r"knife|knives|blades?|razors?|compass|scissors|lighter|sharpener",
    ),
    # Marks found, and done again: "my mom found the marks on my wrists ... i only did it twice
    # this week"; started on the body with scissors in hand.
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:i )?(?:only )?did it (?:\w+ ){0,2}?(?:twice|again|once|three times|a few times) (?:this|last) (?:week|month)\b",
        r"(?:started|start|starting) on my (?:thighs?|arms?|wrists?|legs?|skin|stomach)\b",
        context=r"marks|cuts|scars|wrists?|arms?|thighs?|blades?|razors?|scissors|knife|compass",
    ),
    # A wound's cover story denied: "My mum thinks the bandage is from the kitchen at work. It's not."
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:^|(?<=[.!?] ))(?:it's not|it is not|it isn't|they're not|they are not|they aren't|it wasn't|it was not|they weren't)\W+i (?:did|do|done) (?:it|them|that)\b",
        context=r"(?:bandages?|plasters?|marks|cuts|scars|bruises|burns|dressings?) (?:is|are|was|were|came|come) (?:from|because of)",
    ),
    # Old cuts opened again: "the scars were fading and I opened them again".
    rule(
        SELF_HARM, RiskLevel.MODERATE,
        r"(?:re-?)?open(?:ed|ing)? (?:them|it|the \w+|my \w+) (?:up )?(?:again|back up)",
        context=r"scars?|cuts?|wounds?",
    ),
)  # fmt: skip
