"""Methods named or researched, and plans worked out (C-SSRS ideation with method, with plan)."""

from __future__ import annotations

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.rules.base import (
    AS_PRESCRIBED,
    METHOD,
    PILLS,
    PLAN,
    SHOOTING,
    Rule,
    rule,
)

# "all my tablets", and taken as prescribed when a dose is what they were: "took all my meds
# on time"
_MANY_PILLS = rf"(?:all|enough|a (?:whole )?bottle of|the whole bottle of|a handful of|a bunch of|every one of) (?:of )?(?:my |the |those )?{PILLS}\b(?! (?:with me|on holiday|to (?:the|my) \w+|into (?:the|my|a) (?:bag|case|suitcase|box|dosette|organi[sz]er)|back to)\b)(?!,? (?:still |are |were |all )?(?:sealed|accounted for|intact|in date|present and correct)\b)(?! (?:now )?(?:until|till|to last|for the (?:week|month|trip|holiday|weekend))\b)"

MEANS_RULES: tuple[Rule, ...] = (
    # Rehearsing it in the head, beside a place or a means: "I walk it through in my head,
    # after the last bus, the level crossing".
    rule(
        PLAN, RiskLevel.HIGH,
        r"(?:walk|walked|walking|run|ran|running|go|went|going) (?:it|myself) through in my head",
        context=rf"level crossing|tracks|railway|bridge|roof|ledge|cliff|rope|noose|{PILLS}",
    ),
    # Thought through, beside a means: "the pills in the bathroom cabinet, that's it. thought
    # it all through on the bus".
    rule(
        PLAN, RiskLevel.HIGH,
        r"thought it (?:all )?through|(?:worked|figured) it all out|(?:i've|i have|i've got|got|have) it (?:all )?(?:worked|figured) out|(?:i've|i have) (?:worked|figured) it (?:all )?out|(?:i've|i have) got it (?:all )?figured\b",
        context=rf"{PILLS}|guns?|shotgun|rifle|pistol|rope|noose|bridge|tracks|level crossing|cliff|ledge|overdose|car park|multi-?storey|roof|rooftop|access door|rafters|hose|exhaust",
        unless=r"gp|doctor|pharmacist|prescri\w*|dos(?:e|age)|taper\w*|hunting|deer|season|range|clay|licen[cs]e|vet",
    ),
    # Found by someone else, not the one the writer would spare: "a note for the sheriff so she
    # doesn't find me", "a hotel room so my daughter doesn't find me" (not hide and seek).
    rule(
        PLAN, RiskLevel.HIGH,
        r"so (?:she|he|they|my \w+|the kids|mum|mom|dad) (?:doesn't|don't|won't|wouldn't|does not|will not) (?:have to )?find me\b",
        unless=r"hid(?:e|ing)?|seek|games?|surprise|party|present|gifts?|sneak\w*|late|skiving|bunking",
    ),
    # A condition, then "I know how": "if i fail this semester i know how", "if he doesnt call
    # back im done. i know how" (not "if the printer jams, I know how to fix it").
    rule(
        PLAN, RiskLevel.HIGH,
        r"\bi (?:already )?know (?:how|where|what i(?:'ll|'d| will| would) do|what i'm doing)(?=\s*(?:[.!]|$))",
        r"\bi know (?:exactly )?which (?:bridge|floor|tree|cliff|building|car park|multi-?storey|pills|tablets|rope)\b",
        context=r"if\b.{0,40}?\b(?:fail\w*|leaves?|lose|loses|divorce\w*|find out|finds out|doesn'?t|don'?t|won'?t|results?|goes (?:bad|wrong|against)|takes? the kids|custody|appeal|tribunal|refused|reject\w*|sack\w*|fired|evict\w*)",
        unless=r"printer|fix\w*|excel|code|recipe|cook\w*|bak\w*|knit\w*|sew\w*|drive|swim|tie|plumb\w*|wire|assemble|install\w*",
    ),
    # Going over it again, beside a means: "went through it all again: the pills, some weekend
    # when Tom's away", "went over it again, the quiet lay-by, the hose".
    rule(
        PLAN, RiskLevel.HIGH,
        r"(?:went|go|going|been going|gone) (?:through|over) (?:it|the plan) (?:all )?again\b",
        context=rf"{PILLS}|rope|noose|hose|exhaust|gun|rifle|shotgun|pistol|bridge|tracks|cliff|lay-by",
        unless=r"exams?|revision|notes|lines|script|speech|presentation|accounts|budget|receipts|dance|routine|recipe",
    ),
    rule(
        PLAN, RiskLevel.HIGH,
        r"so (?:the neighbou?rs|nobody|no one|no-one|they|the kids|mum|mom) (?:wouldn't|won't|would not|will not|don't|doesn't) hear\b",
        context=r"gun|rifle|shotgun|pistol",
        unless=SHOOTING,
    ),
    # The plan in place, beside a means: "the plan's all there: when he's away on the rig, the
    # garage, the car".
    rule(
        PLAN, RiskLevel.HIGH,
        r"the plan(?:'s| is) (?:all )?(?:there|ready|sorted|in place|set)\b",
        context=rf"{PILLS}|rope|noose|garage|car|hose|gun|rifle|bridge|tracks|cliff|woods",
        unless=r"wedding|party|holiday|trip|birthday|move|moving|surprise|meeting|project|launch",
    ),
    # A means named as what follows a loss: "If we lose the farm it'll be the shotgun in the top
    # field", "If she leaves me I'm taking Grandad's gun out to the woods".
    rule(
        PLAN, RiskLevel.HIGH,
        r"if\b[^.!?]{2,80}?\b(?:it'll be|it will be|then it's|i'm taking|i'll take|i'm using|i'll use) (?:the |my |\w+'s )?(?:gun|shotgun|rifle|pistol|rope|noose)\b",
        rf"if\b[^.!?]{{2,80}}?\b(?:it'll be|it will be|then it's) (?:the |my |\w+'s )?(?:{PILLS}|bridge|tracks|level crossing|cliff)\b(?! (?:route|road|path|way|again|instead|first))",
        rf"if\b[^.!?]{{2,80}}?,\s*(?:the |my |\w+'s )?(?:{PILLS}|gun|shotgun|rifle|pistol|rope|noose|bridge|tracks)\b[^.!?]{{0,40}}?,\s*that's it\b",
        # a list that opens the note: "pills, the woods, a night mum's away", "Dad's rifle, the woods"
        rf"^\W*(?:\w+'s )?(?:the |my )?(?:{PILLS}|rope|rifle|gun|shotgun|pistol|hose)\W*,\s*(?:the )?(?:woods|river|bridge|garage|car|lay-by|sea|cliffs?|forest|loft|shed|barn|quarry)\b",
        # "if the results are bad, ive got my way out"
        r"if\b[^.!?]{2,60}?,?\s*(?:i've|ive|i have) got (?:my|a) way out(?=\s*(?:[.!,;]|$))",
        # "if she leaves, the river."
        rf"if\b[^.!?]{{2,60}}?,\s*(?:the |my )?(?:river|bridge|tracks|{PILLS}|rope|gun|cliffs?|multi-?storey)(?=\s*(?:[.!]|$))",
        r"if\b[^.!?]{2,80}?\b(?:i'm going|i'll go|i'm gonna go|i'm jumping|i'll jump|i'm going to jump|i'm walking|i'll walk|i'll step|i'm stepping) (?:off|from|in front of) (?:the |a |that )?(?:top of (?:the |a )?)?(?:multi-?storey|car park|roof|bridge|cliff|building|tower|flyover|overpass|tracks|train)\b(?! (?:exit|road|junction|slip))",
        unless=rf"{SHOOTING}|pain|aches?|headaches?|migraines?|cold|flu|fever|hay ?fever|allerg\w*|sleep|traffic|rain\w*|snow\w*|storm\w*|wet|windy|weather|sunny|hot|swim\w*|dip|tombstoning|bungee|zip ?wire|abseil\w*",
    ),
    # A means that keeps coming to mind: "rope in the lambing shed keeps crossing my mind".
    rule(
        METHOD, RiskLevel.HIGH,
        r"(?:rope|noose|gun|shotgun|rifle|pistol)\b.{0,40}?\b(?:keeps?|kept) (?:crossing|coming into|popping into|creeping into|drifting into) my (?:mind|head)\b",
        unless=r"order\w*|buy\w*|bought|climb\w*|shop\w*|hunt\w*|range|season|clean\w*|licen[cs]e|sell\w*|sold|fix\w*|repair\w*",
    ),
    # The thought of going over, beside a high place or a railway: "crossed the footbridge over
    # the railway and the thought of climbing over and jumping came back".
    rule(
        METHOD, RiskLevel.HIGH,
        r"(?:thoughts?|thinking|think|urge|pull|wonder(?:ing|ed|s)?) (?:of|about) (?:(?:climbing|going|getting) (?:over|up|out)(?: \w+){0,2} and )?(?:jumping|stepping (?:off|out)|going over|letting go|throwing myself|unclipping|climbing over)\b",
        r"(?:just )?stepping (?:off|over) the edge\b",
        r"(?:picture|picturing|pictured|imagine|imagining|imagined) (?:myself )?(?:stepping (?:forward|off|out)|jumping|going over|letting go)\b",
        context=r"bridge|footbridge|railway|platform|roof|rooftop|cliff|ledge|balcony|tracks|train|motorway|multi-?storey|car park|tower|overpass|flyover|edge|window|oak|tree|harness|crane|scaffold\w*|pylon|mast",
        unless=r"skydiv\w*|parachut\w*|bungee|diving board|tombstoning|pool|swim\w*|into the (?:sea|lake|river|water|pool)|plane|trampoline|puddle|queue",
    ),
    # A high place or a railway that has come to feel like an answer.
    rule(
        METHOD, RiskLevel.HIGH,
        # "I laughed too. I've actually been thinking about the roof for real."
        r"(?:actually|really|seriously) (?:been )?(?:thinking|thought) about (?:the |that )?(?:roof|bridge|tracks|ledge|cliff|rope|noose|gun|pills)\b|(?:thinking|thought) about (?:the |that )?(?:roof|bridge|tracks|ledge|cliff|rope|noose|gun|pills) for real\b",
        r"(?:window|balcony|bridge|roof|rooftop|tracks|train line|railway line|railway|ledge|cliff|drop|overpass|flyover|motorway)\b[^.!?]{0,50}?\b(?:looks?|looked|looking|seems?|seemed|feels?|felt|(?:started|starting|begun|begin) to (?:look|feel|seem))\b[^!?]{0,30}?\blike (?:an? |the )?(?:answer|option|way out|solution|exit)\b(?!\s+(?:to|for|of)\b)",
    ),
    # A means named, then thought of constantly: "that train line behind the estate. thinking
    # about it constantly", "rope. that's all I think about lately".
    rule(
        METHOD, RiskLevel.HIGH,
        r"thinking about (?:it|them|that) (?:constantly|all the time|nonstop|non-stop|every day|every night|day and night)",
        r"(?:that's|it's) all i (?:can |could )?(?:think|thought) about",
        r"(?:can't|cannot|couldn't|can not) stop thinking about (?:it|them|that)\b",
        context=r"train line|railway line|tracks|rope|noose|ledge|the drop|cliff edge|multi-?storey",
    ),
    # "gun shop near work had a sale sign. I stood outside thinking about buying one for myself."
    rule(
        METHOD, RiskLevel.HIGH,
        r"(?:thinking|thought) about buying (?:a gun|a rifle|a shotgun|a pistol|one)\b[^.!?]{0,20}?\bfor myself\b",
        context=r"guns?|rifles?|shotguns?|pistols?|firearms?",
    ),
    # Someone else's medicine thought of for the writer: "The tablets the vet gave for the old
    # dog. I keep looking at them and thinking about me, not him."
    rule(
        METHOD, RiskLevel.HIGH,
        r"(?:thinking|think|thought) (?:about|of) (?:me|myself),? not (?:him|her|them|the \w+)\b",
        context_in_note=rf"{PILLS}|drugs?|drug cupboard|rope|gun|shotgun|rifle",
    ),
    # Reading up on a method and hiding it: "reading about overdoses on my phone. Deleted the
    # history."
    rule(
        METHOD, RiskLevel.HIGH,
        r"(?:read|reading|researching|researched|googling|googled|looking up|looked up) (?:about |up on |into )?(?:overdoses|ways to die|suicide methods|lethal doses|how to (?:die|overdose|hang))\b",
        context_in_note=r"delet\w* (?:the |my )?(?:search |browser |browsing )?history|clear\w* (?:the |my )?(?:search |browser |browsing )?history|incognito|private (?:tab|window|browsing)",
    ),
    # A window that opens all the way, high up: "16th floor and the bedroom window opens all
    # the way".
    rule(
        METHOD, RiskLevel.HIGH,
        r"window (?:\w+ ){0,3}?(?:opens|goes) all the way\b",
        context=r"\d+(?:st|nd|rd|th) floor|\w+th floor|storey|high up|tower block",
        unless=r"breeze|air\w*|ventilat\w*|fresh air|hot|heat|stuffy|cool|smoke|smell|paint\w*|cat|safety",
    ),
    # Medicine at home, thought of: "lately I actually think about it myself, and about the
    # paracetamol in the bathroom cabinet".
    rule(
        METHOD, RiskLevel.HIGH,
        rf"(?:think|thinking|thought) (?:\w+ ){{0,6}}?about (?:the |that |those |my )?(?:[\w']+ ){{0,3}}?{PILLS} (?:in|on) (?:the |my )?(?:\w+ )?(?:drawer|cupboard|cabinet|bedside|shelf)\b",
        unless=r"repeat|refill|prescription|pharmacy|expir\w*|out of date|run(?:ning)? out|stock|order\w*|dispos\w*|tidy|sort(?:ing)? out|recycl\w*|child ?lock|locked|lock",
    ),
    # Medicine taken all at once, in thought: "all of them at once, i keep thinking".
    rule(
        METHOD, RiskLevel.HIGH,
        r"all of (?:them|it) at once\b",
        context=r"think\w*|thought",
        context_in_note=PILLS,
    ),
    # Whether a fall would be quick, up high
    rule(
        METHOD, RiskLevel.HIGH,
        r"whether (?:it|the fall|the drop|that|the jump) would be (?:quick|painless|enough|fast|instant)",
        context=r"high|fall|drop|jump|edge|roof|terrace|bridge|balcony|tracks|train|tower|cliff|floor",
    ),
    rule(
        METHOD, RiskLevel.HIGH,
        rf"(?<!took )(?<!taken )(?<!take )(?<!taking ){_MANY_PILLS}",
        rf"(?:took|taken|take|taking) {_MANY_PILLS}{AS_PRESCRIBED}",
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
        rf"how many (?:of )?(?:my |the |those |his |her )?(?:\w+ )?{PILLS}",
        r"(?:gun|pills|tablets|meds|rifle|shotgun)\b.{0,60}?\bi know where\b",
        r"(?:know|found) where (?:\w+ ){0,2}(?:keeps?|hides?|kept|hidden|locks?) (?:the |his |her |my )?(?:gun|pills|tablets|meds|rifle|shotgun)",
        r"(?:check(?:ed|ing)?|test(?:ed|ing)?|wonder(?:ed|ing)?) (?:how strong|if|whether) (?:the |that )?(?:shower rail|beams?|branch|banister|bannister|door ?frame|loft hatch|tree|rafters?|joists?)\b",
        r"(?:hold|take|bear) my weight",
        r"lethal dose",
        r"(?:look(?:ed|ing|s)? up|read(?:ing)? up on|search(?:ed|ing)? up|googl(?:ed|ing)) (?:drowning|hanging|overdos\w*|lethal dos\w*|ways to die|how to die)\b(?! (?:statistics|stats|prevention|signs|rates|figures|first aid|for (?:my|the|a) (?:course|class|essay|assignment|exam|module)))",
        # "kept thinking about pulling the wheel hard into the concrete"
        r"(?:thinking|thought|think|urge|wanted|want|tempted|fantasi\w*|imagin\w*|pictur\w*) (?:about |to |of )?(?:just )?(?:pulling|pull|yanking|yank|jerking|jerk|turning|turn|swerving|swerve) the (?:steering )?wheel\b[^.!?]{0,20}?\b(?:(?:into|towards?|across) (?:the |a |that |an )?(?:oncoming |central )?(?:concrete|barrier|reservation|wall|tree|lorry|truck|traffic|bridge|pillar|bus|river|quarry|ditch)|at speed)\b",
        # "all I could think about was the bottle of sleeping tablets in the drawer"
        rf"(?:all i (?:can |could )?(?:think|thought) about (?:is|was)|(?:can't|cannot|couldn't) stop thinking about|(?:keep|kept) thinking about) (?:the |that |those |my |a )?(?:[\w']+ ){{0,5}}?{PILLS} (?:in|on) (?:the |my )?(?:\w+ )?(?:drawer|cupboard|cabinet|bathroom|table|bedside|shelf|box)\b",
        r"all i (?:can |could )?(?:think|thought) about (?:is|was) (?:the )?(?:drop|fall|rope|noose|ledge|edge|tracks)\b(?![- ](?:in|of|off|at|zone|shot|ride|tower|bars?)\b)",
        # "I keep thinking about the pistol in the safe and how quick it would be"
        r"(?:thinking|think|thought) about (?:the |my |dad's |\w+'s )?(?:gun|pistol|rifle|shotgun|revolver|rope|noose|beam|tracks|bridge|ledge|cliff|drop)\b[^.!?]{0,40}?\bhow (?:quick|quickly|easy|easily|fast|painless|simple) it (?:would|'d|will|could) be\b",
        r"(?:think|thinking|thought) about (?:just )?(?:swallowing|taking|downing|injecting) (?:all of (?:them|it)|the lot|it all|them all|the whole (?:\w+ )?(?:lot|box|bottle|packet|supply)|every (?:one|pill|tablet)|everything in the (?:\w+ )?(?:cabinet|cupboard|drawer))\b",
        # the whole of a store of medicines: "ill swallow everything in my cupboard"
        r"(?:swallow|down|neck)(?:ing)? (?:everything|the lot|all of it|every (?:pill|tablet)) (?:in|from) (?:my|the) (?:\w+ )?(?:cupboard|cabinet|drawer|box|stash)\b",
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
        rf"(?:which|what|how many) (?:of )?(?:\w+ ){{0,2}}(?:{PILLS}|drugs?) (?:could|would|might|will) (?:end it|kill me|do it|be enough)",
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
        rf"{PILLS} (?:in (?:the|my) \w+ )?(?:would|'d|will) be (?:quicker|faster|easier|simpler) for me\b",
        r"(?:can't|cannot) stop looking (?:down|over) (?:from|off) (?:the |my )?(?:balcony|bridge|roof|ledge|window|edge)\b(?! at (?:the )?(?:fireworks|view|city|lights|sea|sunset|parade|crowd|garden|street|stars))",
        rf"(?:took|taken|swallowed) (?:the |all the )?(?:\w+ )?{PILLS} i(?:'ve| have| had|'d) been (?:saving|stockpiling|hoarding|collecting|keeping)\b",
        r"(?:fantasi[sz](?:e|ing)|thinking|thought|think) about (?:driving (?:off|over) the (?:road|edge|cliff|bridge|side)|crashing|swerving|jumping|stepping (?:off|out|forward|in front)|drowning|hanging|leaning (?:back |out )?(?:off|over) the edge|going over the (?:side|edge|railings?|barrier|parapet))",
        r"(?:go|going|went|slip|slipping|slipped|sink|sinking|sank) under (?:the water )?and (?:staying|stay|stayed|not coming (?:back )?up|never coming (?:back )?up)",
        r"(?:balcony|bridge|roof|tracks|river|rope|edge|ledge|window)\b(?: \w+){0,3}? (?:keeps? |kept |is |are |has been |have been )?(?:calling|pulling at) me",
        r"(?:balcony|bridge|roof|rooftop|tracks|train line|ledge)\b(?:\W+\w+){0,4}?\W+(?:looks?|looking|seems?|feels?) (?:really |so |pretty |kinda |more and more |very )?(?:tempting|inviting)",
        r"(?:picture|picturing|pictured|imagine|imagining|imagined|visuali[sz](?:e|ing|ed)) (?:myself )?(?:going|driving|jumping|stepping|falling|swerving|walking|throwing myself) (?:off (?:the |a |that )?(?:overpass|flyover|bridge|cliff|roof|ledge|edge|balcony|car park|multi-?storey)|over the (?:edge|railings?|barrier|parapet|side)|in front of (?:a |the |that )?(?:train|lorry|truck|bus|car|traffic)|under (?:a |the )?(?:train|lorry|truck|bus)|into (?:oncoming )?traffic)\b",
        r"(?:actually |really )?(?:pictured|imagined|visuali[sz]ed) (?:myself )?(?:doing it|jumping|stepping (?:out|off|in front)|going over)(?=\s*(?:[.!,;]|$))",
        rf"(?:staring|stared|stare|sat looking|sitting looking) at (?:the |my |all the |all my |a |that )?(?:{PILLS}|pill bottles?|bottles? of pills|weedkiller|bleach|rope|noose|razors?|razor blades?|blades?)\b",
    ),
    rule(
        METHOD, RiskLevel.HIGH,
        rf"\b{PILLS}\b",
        r"\b(?:rope|noose|gun|pistol|rifle|razor|blades?|bridge|train tracks|rooftop)\b",
        r"know (?:what|how|where) i(?:'d| would) (?:use|do it)",
        r"(?:i )?know the method\b",
        needs_ideation=True,
    ),
    rule(
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
    rule(
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
        rf"know (?:exactly )?what i(?:'d| would|'ll| will|'m| am) (?:do|doing)\W+(?:with )?(?:\w+ ){{0,2}}?(?:{PILLS}|rope|gun|bridge|tracks|level crossing)\b",
        rf"(?:wrote (?:out|down)|worked out|figured out|listed) which (?:of )?(?:my |the )?{PILLS} i(?:'d| would)? (?:take|use|need)\b",
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
        rf"decided (?:it'll|itll|it will|it's|its) be (?:the |my )?(?:{PILLS}|rope|bridge|gun|tracks|river|cliffs?)\b",
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
)  # fmt: skip
