"""The explainable crisis patterns on their own: what they must catch and what they must not."""

import pytest

from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.model import assess_patterns_only, level_of
from mindtrack.ml.crisis.patterns import find_signals, only_harmless_mentions


def level(note: str) -> RiskLevel:
    return level_of(find_signals(note))


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("I wish I could go to sleep and not wake up", RiskLevel.MODERATE),
        ("honestly i dont want to be alive anymore", RiskLevel.MODERATE),
        ("everyone would be better off without me", RiskLevel.MODERATE),
        ("kms", RiskLevel.MODERATE),
        ("I can't stop thinking about killing myself", RiskLevel.MODERATE),
        ("I'm not going to lie, I want to die", RiskLevel.MODERATE),
        ("I don't know why I want to die", RiskLevel.MODERATE),
        ("I cut again last night", RiskLevel.MODERATE),
        ("I keep thinking about taking all my pills", RiskLevel.HIGH),
        ("I want to die and I looked up how many pills it would take", RiskLevel.HIGH),
        ("I have saved up my pills and tonight is the night", RiskLevel.IMMINENT),
        ("I've written my goodbye letters", RiskLevel.IMMINENT),
        ("Two years ago I tried to end it; today was ok", RiskLevel.LOW),
        ("I used to cut myself in high school", RiskLevel.LOW),
        ("everything feels hopeless", RiskLevel.LOW),
        (
            "filled in the questionnaire and I ticked that I want to die most days",
            RiskLevel.MODERATE,
        ),
        (
            "Two patients cancelled today and I keep thinking about killing myself",
            RiskLevel.MODERATE,
        ),
        ("not suicidal, I just wish I'd never been born", RiskLevel.MODERATE),
        ("my kids would be better off without me", RiskLevel.MODERATE),
        (
            "my sister says I'm overreacting but I honestly don't want to be alive",
            RiskLevel.MODERATE,
        ),
        ("I don't care whether I live or die anymore", RiskLevel.MODERATE),
        ("burned my arm with a lighter again after the row", RiskLevel.MODERATE),
        ("banged my head against the wall until it went quiet", RiskLevel.MODERATE),
        ("I don't deserve to eat after today", RiskLevel.MODERATE),
        (
            "took a few extra of my sleeping tablets to knock myself out, not to die",
            RiskLevel.MODERATE,
        ),
        ("been searching painless ways to die", RiskLevel.HIGH),
        ("working out how to make it look like an accident", RiskLevel.HIGH),
        ("overdosed an hour ago and I'm scared", RiskLevel.IMMINENT),
        ("sitting in the garage with the engine running", RiskLevel.IMMINENT),
        ("rehomed my dog and told them it's the landlord. it isn't", RiskLevel.IMMINENT),
        ("Final entry. Thank you for everything.", RiskLevel.IMMINENT),
        ("sh relapse tonight, four months clean gone", RiskLevel.MODERATE),
        ('I keep thinking "I want to die" on the bus', RiskLevel.MODERATE),
        ('searched "painless ways to die" at 3am', RiskLevel.HIGH),
        ("if I died tomorrow nobody would notice and honestly that sounds ok", RiskLevel.MODERATE),
        ("I know where my dad keeps his pills", RiskLevel.HIGH),
        ("two yrs clean from sh today", RiskLevel.LOW),
        ("Therapy doesn't stop the urge to kill myself", RiskLevel.MODERATE),
        ("woke up again this morning and honestly I'm gutted that I did", RiskLevel.MODERATE),
        ("part of me hopes the cancer kills me before spring", RiskLevel.MODERATE),
        ("I just want to lie down and never get up again", RiskLevel.MODERATE),
        ("the roof of the car park looks more and more inviting", RiskLevel.HIGH),
        ("sat up half the night staring at the painkillers", RiskLevel.HIGH),
        ("After Friday they can all stop worrying about me", RiskLevel.IMMINENT),
        ("Labelled the boxes for whoever empties my flat", RiskLevel.IMMINENT),
        ("back when I was drinking I wanted to die most nights", RiskLevel.LOW),
        ("the old me would have cut myself after a day like this", RiskLevel.LOW),
        ("Not suicidal, I'd just be fine with not existing anymore.", RiskLevel.MODERATE),
        ("Held my hand on the hob on purpose. Making dinner now.", RiskLevel.MODERATE),
        ("told my new boyfriend about my overdose years ago. he held my hand", RiskLevel.LOW),
        ("Never told my sister I've been wishing I was dead since spring.", RiskLevel.MODERATE),
        ("lay awake wishing I just wouldn't wake up in the morning", RiskLevel.MODERATE),
        ("I wouldn't care if I didn't make it through the winter", RiskLevel.MODERATE),
        ("every night I'm begging God to let me go", RiskLevel.MODERATE),
        ("I daydream about getting ill and never recovering", RiskLevel.MODERATE),
        (
            "I'm going to end it after the holidays, once the kids are back at school",
            RiskLevel.IMMINENT,
        ),
        ("wanted to end it for weeks and now there's a date", RiskLevel.MODERATE),
        ("hiding my tablets in a sock drawer, a few at a time", RiskLevel.IMMINENT),
        ("I overdosed about an hour ago and I feel awful", RiskLevel.IMMINENT),
        ("I keep wishing I could just fade away", RiskLevel.MODERATE),
        ("I pray each night that I won't wake", RiskLevel.MODERATE),
        ("Lord, please take me home.", RiskLevel.MODERATE),
        ("wanna cut so bad tonight", RiskLevel.MODERATE),
        ("punched the wall until my knuckles bled", RiskLevel.MODERATE),
        ("cleaned everything so whoever finds me has less to do", RiskLevel.HIGH),
        ("I took them all.", RiskLevel.IMMINENT),
        ("tried this morning and it didn't work, still have the rest", RiskLevel.IMMINENT),
        ("not suicidal, I just wouldn't mind if a bus hit me", RiskLevel.MODERATE),
        ("After the wedding on Saturday I'm going to end it.", RiskLevel.IMMINENT),
        ("Gave away my things before the move. There is no move.", RiskLevel.IMMINENT),
        (
            "last entry before the trip. I'm not coming back from it, I want to die",
            RiskLevel.IMMINENT,
        ),
        ("Keep considering suicide when nothing's even that wrong.", RiskLevel.MODERATE),
        ("honestly can't work out why I'm still alive", RiskLevel.MODERATE),
        ("i'd be completely fine with not waking up tomorrow", RiskLevel.MODERATE),
        ("praying the scan shows something bad so this can all be over", RiskLevel.MODERATE),
        ("63 days without cutting and I blew it tonight", RiskLevel.MODERATE),
        ("The sea was calm. I thought about walking in and not coming back.", RiskLevel.HIGH),
        (
            "rehomed the cat. told them I'm moving abroad. I'm not moving anywhere",
            RiskLevel.IMMINENT,
        ),
        ("i think abt suicide more than i'd like", RiskLevel.MODERATE),
        ("some days I want to vanish permanently", RiskLevel.MODERATE),
        ("what am i even still alive for", RiskLevel.MODERATE),
        ("Life's not worth the struggle anymore", RiskLevel.MODERATE),
        ("I'm so tired of being a person", RiskLevel.MODERATE),
        ("I wouldn't mind if my heart just stopped", RiskLevel.MODERATE),
        ("Test results came back normal and honestly I was gutted", RiskLevel.MODERATE),
        ("At the funeral I envied her, finally at rest", RiskLevel.MODERATE),
        ("hid my fresh cuts under a hoodie all day", RiskLevel.MODERATE),
        ("the scars had healed and I opened them up again", RiskLevel.MODERATE),
        ("wondering if my tablets would be enough to kill me", RiskLevel.HIGH),
        ("keep picturing the drop from the balcony", RiskLevel.HIGH),
        (
            "Writing this because my GP said to: I keep thinking about killing myself",
            RiskLevel.MODERATE,
        ),
        ("My sister asked how I was and I lied while wishing I was dead", RiskLevel.MODERATE),
        ("nobody will have to deal with me after Friday", RiskLevel.IMMINENT),
        ("old journals from 2015, full of wanting to die. glad that's over", RiskLevel.LOW),
        ("The funeral was lovely. I want to join my dad.", RiskLevel.MODERATE),
        ("none of it is worth staying alive for", RiskLevel.MODERATE),
        ("so tired of being here", RiskLevel.MODERATE),
        ("I'd be more than happy to not wake up", RiskLevel.MODERATE),
        ("bit my hand hard enough to draw blood", RiskLevel.MODERATE),
        ("ate nothing all day to punish myself", RiskLevel.MODERATE),
        ("the jumping thoughts are back", RiskLevel.HIGH),
        ("I told my GP about the overdose thoughts", RiskLevel.HIGH),
        ("chose the date to end it. next friday", RiskLevel.IMMINENT),
        ("drove up to the multi-storey and sat on the edge for an hour", RiskLevel.IMMINENT),
        ("in year 9 I self harmed, but that's long behind me", RiskLevel.LOW),
        ("wish I could just have the long sleep", RiskLevel.MODERATE),
        ("honestly dying seems easier", RiskLevel.MODERATE),
        ("wouldn't resist it if a bus hit me", RiskLevel.MODERATE),
        ("doubled up my tablets to feel nothing", RiskLevel.MODERATE),
        ("keep picturing using my brother's rifle on myself", RiskLevel.HIGH),
        ("googled ways to end my life at 3am", RiskLevel.HIGH),
        ("been looking at the bridges differently on my commute", RiskLevel.HIGH),
        ("worked out how many of my pills would be enough", RiskLevel.HIGH),
        ("my note would explain it wasn't anyone's fault", RiskLevel.HIGH),
        ("if she leaves, that's the day i end it", RiskLevel.HIGH),
        ("lying on the railway line now", RiskLevel.IMMINENT),
        ("I'd be perfectly fine with dying", RiskLevel.MODERATE),
        ("would really like to be dead", RiskLevel.MODERATE),
        ("I'd give anything not to exist", RiskLevel.MODERATE),
        ("everyone would be lighter without me", RiskLevel.MODERATE),
        ("this job is murdering me and I'd like it to finish the job", RiskLevel.MODERATE),
        ("At the funeral all I thought was I'd swap places with him", RiskLevel.MODERATE),
        ("cooked tea, cut again, watched telly", RiskLevel.MODERATE),
        ("still have a fresh cut on my arm from Sunday", RiskLevel.MODERATE),
        ("only let myself eat crackers, I don't deserve dinner", RiskLevel.MODERATE),
        ("wondering if the packet would be enough to not wake up", RiskLevel.HIGH),
        ("the rifle's in the cabinet and i have the key", RiskLevel.HIGH),
        ("googled suicide methods on my lunch break", RiskLevel.HIGH),
        ("I'll go quietly on Friday after work", RiskLevel.IMMINENT),
        ("Hugged my brother so the last memory he has of me is a good one.", RiskLevel.IMMINENT),
        ("wrote the letters and left them with my will", RiskLevel.IMMINENT),
        ("sat in the dark wishing I could simply cease", RiskLevel.MODERATE),
        ("God, if you're calling me home, I'm ready", RiskLevel.MODERATE),
        ("a bus almost hit me and honestly I was disappointed", RiskLevel.MODERATE),
        ("I've started scratching my arms when the house is quiet", RiskLevel.MODERATE),
        ("skipping dinner as punishment for the mess I made", RiskLevel.MODERATE),
        ("the pills are in the cupboard and I keep thinking about them", RiskLevel.HIGH),
        ("looked up how tall the old viaduct bridge is", RiskLevel.HIGH),
        ("up on the roof terrace wondering whether the fall would be quick", RiskLevel.HIGH),
        ("been holding back some of my tablets every week", RiskLevel.IMMINENT),
        (
            "found a new home for the dog, said I'm moving, which I'm not. long day",
            RiskLevel.IMMINENT,
        ),
        ("a tattoo over my old self-harm scars, a sunflower", RiskLevel.LOW),
        ("my set is about the year I spent wanting to be dead", RiskLevel.LOW),
        ("intrusive thought on the drive home again: kill yourself.", RiskLevel.MODERATE),
        (
            "Took every pill in the packet an hour ago and now I'm watching a film",
            RiskLevel.IMMINENT,
        ),
        # written from the notes of fresh-u
        ("gave my books and my games to my brother. won't need them", RiskLevel.IMMINENT),
        ("want to walk out into the waves until i can't", RiskLevel.HIGH),
        ("Overdosed on my tablets. It's been an hour.", RiskLevel.HIGH),
        ("kept biting my arm till it bruises", RiskLevel.MODERATE),
        ("Every night I pray not to wake to another morning.", RiskLevel.MODERATE),
        ("this place is killing me and part of me wishes it genuinely would", RiskLevel.MODERATE),
        ("Waheguru, please take me. I'm done.", RiskLevel.MODERATE),
        # written from the notes of train-t
        ("wouldnt really mind if i just didnt exist tbh", RiskLevel.MODERATE),
        (
            "Garden looks lovely. Underneath it I'm so tired of having to be alive.",
            RiskLevel.MODERATE,
        ),
        ("they'd all manage fine, better even, if I were dead", RiskLevel.MODERATE),
        ("sometimes I think better I die and then no more waiting", RiskLevel.MODERATE),
        ("I've stopped caring whether I'm alive at the end of the week", RiskLevel.MODERATE),
        ("If God called me home tonight I wouldn't argue.", RiskLevel.MODERATE),
        ("I keep wishing something would just switch me off", RiskLevel.MODERATE),
        ("I only want to stop exist", RiskLevel.MODERATE),
        ("the thought of doing myself in keeps coming back", RiskLevel.MODERATE),
        ("took a couple extra of my sleeping pills to switch off for a night", RiskLevel.MODERATE),
        ("at the top I think about leaning back off the edge", RiskLevel.HIGH),
        ("in the bath I thought about slipping under and staying there", RiskLevel.HIGH),
        ("I keep looking at the rifle in the safe in a way I never used to", RiskLevel.HIGH),
        ("If it gets worse I know what I'd do: the tablets.", RiskLevel.HIGH),
        ("At night I walk it through in my head, the last train, the tracks", RiskLevel.HIGH),
        ("left my bank details in an envelope marked 'for after'", RiskLevel.IMMINENT),
        ("practised again with the cord and stopped", RiskLevel.IMMINENT),
        ("went up alone, no rope, meaning to do it", RiskLevel.IMMINENT),
        ("On the bridge now. Sorry everyone.", RiskLevel.IMMINENT),
        ("took every tablet in the box an hour ago", RiskLevel.IMMINENT),
        (
            "Wrote my will today. Not because of the wedding. Because I won't need it long.",
            RiskLevel.IMMINENT,
        ),
        (
            "Handover done at work. Scheduled goodbye texts to my kids for Sunday.",
            RiskLevel.IMMINENT,
        ),
        ("my uncle's rifle is in the cabinet and I think about using it on myself", RiskLevel.HIGH),
        (
            "everyone says this place will be the death of me. I hope they're right",
            RiskLevel.MODERATE,
        ),
        ("I bang my head against the door when the panic gets bad", RiskLevel.MODERATE),
        ("flicked the rubber band on my wrist till it bled", RiskLevel.MODERATE),
        (
            "If he walks out I'm taking my dad's rifle up the hill. Thought it all through.",
            RiskLevel.HIGH,
        ),
        ("if the shop goes under it'll be the rope in the garage", RiskLevel.HIGH),
        ("if I fail again, the tablets in mum's drawer, that's it", RiskLevel.HIGH),
        ("Did it. Swallowed the lot. Sorry everyone.", RiskLevel.IMMINENT),
        ("me: smiling at work. brain: kill yourself", RiskLevel.MODERATE),
        ("life doesn't seem worth the hassle any more", RiskLevel.MODERATE),
        ("thoughts of killing myself keep creeping back in", RiskLevel.MODERATE),
        ("on the ferry I keep thinking about going over the railings", RiskLevel.HIGH),
        (
            "My birthday's the deadline. If nothing gets better by then, I'll do it.",
            RiskLevel.IMMINENT,
        ),
        ("Last shift ever, in every sense. Nobody noticed.", RiskLevel.IMMINENT),
        ("hitting and biting myself again, hiding the marks under sleeves", RiskLevel.MODERATE),
        ("My younger self wanted to die. Now I mostly want a nap.", RiskLevel.LOW),
        ("Told my GP I've been having suicidal thoughts again.", RiskLevel.MODERATE),
        ("still wish I hadn't woken up today", RiskLevel.MODERATE),
        ("half hoping the train comes off the road on the way home", RiskLevel.MODERATE),
        ("work is killing me and honestly I'd be okay if it hurried up", RiskLevel.MODERATE),
        ("went to the bathroom and did the usual with the razor", RiskLevel.MODERATE),
        ("picked at my scabs until they bled again", RiskLevel.MODERATE),
        ("He saw the marks on my arms. Told him it was the cat. It wasn't.", RiskLevel.MODERATE),
        ("I wanted to die for most of that winter. That was 2015.", RiskLevel.LOW),
        ("three years self-harm free today", RiskLevel.LOW),
        ("Said my goodbyes to the team. They think I'm moving to Leeds.", RiskLevel.IMMINENT),
        ("Emigrating, I told them. Goodbye texts are in drafts.", RiskLevel.IMMINENT),
        ("Put the bank details in an envelope for after.", RiskLevel.IMMINENT),
        ("That was my last birthday. Nobody knows.", RiskLevel.IMMINENT),
        (
            "everyone thinks I'm at my aunt's for the week. not planning on being alive",
            RiskLevel.IMMINENT,
        ),
        ("felt like ending it again. the bank rang twice", RiskLevel.MODERATE),
        ("OD'd last night, woke up sick. Nobody knows.", RiskLevel.IMMINENT),
        ("getting paracetamol from several chemists so nobody gets suspicious", RiskLevel.IMMINENT),
        ("on the train I kept imagining stepping in front of the lorry", RiskLevel.HIGH),
        ("burnt my wrist on the iron 'by accident'. It wasn't an accident.", RiskLevel.MODERATE),
        ("held my hand under the hot water until it blistered", RiskLevel.MODERATE),
        ("carved his initials into my thigh", RiskLevel.MODERATE),
        ("honestly it'd be simpler if a bus ran me over on the way to work", RiskLevel.MODERATE),
        ("Dear God, you took Dad so young. Take me instead.", RiskLevel.MODERATE),
        ("Wanted to end it all that spring. Tonight was book club.", RiskLevel.MODERATE),
        # a bare time frame dates the ideation in its own sentence only
        ("suicidal thoughts all week. seeing my GP tomorrow", RiskLevel.MODERATE),
        ("going to drive off the road tonight", RiskLevel.IMMINENT),
        ("praying God takes me in my sleep tonight", RiskLevel.MODERATE),
        ("after the funeral I'm going to join her", RiskLevel.IMMINENT),
        ("razor's in my washbag and I keep thinking about it", RiskLevel.MODERATE),
        ("not suicidal or anything, I just can't see why I'm still alive", RiskLevel.MODERATE),
        (
            "took far more of my sleeping pills than I should to knock myself out",
            RiskLevel.MODERATE,
        ),
        ("haven't been this suicidal in years", RiskLevel.MODERATE),
        ("new burns on my arm, wearing a hoodie in this heat", RiskLevel.MODERATE),
        ("would love to sleep for a very long time. forever if possible", RiskLevel.MODERATE),
        ("relapsed last night, thigh's a mess", RiskLevel.MODERATE),
        ("did that thing with the blade again, like when I was at school", RiskLevel.MODERATE),
        ("looked up how many floors it would take. told myself it was curiosity", RiskLevel.HIGH),
        ("each time my prescription is collected I hide a couple away", RiskLevel.IMMINENT),
        ("my head keeps suggesting suicide, like an app notification", RiskLevel.MODERATE),
        ("I haven't told my therapist that the suicidal thoughts are back", RiskLevel.MODERATE),
        ("if the biopsy comes back malignant I wouldn't fight it", RiskLevel.MODERATE),
        ("heard that voice saying just end yourself on the bus again", RiskLevel.MODERATE),
        (
            "this job is the death of me and I wouldn't mind if it finished the job",
            RiskLevel.MODERATE,
        ),
        ("wrote a farewell letter to my wife and kids", RiskLevel.IMMINENT),
        ("After uni I had a rough year and thought about ending it. Fine now.", RiskLevel.MODERATE),
        ("suicidal last spring. this spring I'm gardening", RiskLevel.LOW),
        ("thoughts of killing myself are worse than last winter", RiskLevel.MODERATE),
        ("put my signed will on the kitchen table before bed", RiskLevel.IMMINENT),
        ("wouldn't mind if the tumour won, honestly", RiskLevel.MODERATE),
        ("sat in traffic and my mind went straight to ending it all", RiskLevel.MODERATE),
        ("spoke at the vigil about the year I was suicidal", RiskLevel.LOW),
        ("I'm not suicidal, I'd just rather not be alive", RiskLevel.MODERATE),
        ("honestly what am I still doing on this earth", RiskLevel.MODERATE),
        ("the kids would be better off with their dad and me just gone", RiskLevel.MODERATE),
        ("some nights I'd be glad if my heart gave out in my sleep", RiskLevel.MODERATE),
        ("widnae bother me if a didnae wake up", RiskLevel.MODERATE),
        ("wish that call had been for me and nobody got there in time", RiskLevel.MODERATE),
        ("the kill-myself thoughts are back", RiskLevel.MODERATE),
        ("came home and did it again on my arm", RiskLevel.MODERATE),
        ("the rope in the barn keeps crossing my mind", RiskLevel.HIGH),
        ("not going to be your problem for much longer", RiskLevel.IMMINENT),
        ("I wanted to die most of that winter. I don't anymore.", RiskLevel.LOW),
        ("I was suicidal after the crash. I'm not now.", RiskLevel.LOW),
        ("spent most of 2019 wanting to disappear forever", RiskLevel.LOW),
        # "not now" followed by more is no history
        ("I want to die. Not now, but soon.", RiskLevel.MODERATE),
        (
            "if the bank takes the house I've got it all worked out: the shotgun, the barn",
            RiskLevel.HIGH,
        ),
        ("the balcony has started to feel like an option", RiskLevel.HIGH),
        ("Everyone asked about the plaster. Said it was the cat. It wasn't.", RiskLevel.MODERATE),
        ("flare-up so I punched my own bad knee", RiskLevel.MODERATE),
        ("Streak gone. Cut on Friday.", RiskLevel.MODERATE),
        ("if I got a terminal diagnosis I'd honestly be relieved", RiskLevel.MODERATE),
        ("still wish I'd died in that crash with him", RiskLevel.MODERATE),
        ("my knees are killing me. wish they'd get on with it", RiskLevel.MODERATE),
        ("I'm done being alive", RiskLevel.MODERATE),
        ("I'm on my mate's roof now. sorry", RiskLevel.IMMINENT),
        # "not a game" says it is real, not that it is a game
        ("I'm on the bridge now and it isn't a game", RiskLevel.IMMINENT),
        (
            "Found my old diary. Pages about wanting to die. Proud of how far I've come.",
            RiskLevel.LOW,
        ),
        ("Years back I wanted to die. My sister got me through.", RiskLevel.LOW),
        ("I cut myself when things got bad. Stopped over ten years ago.", RiskLevel.LOW),
        ("honestly the world would run smoother without me", RiskLevel.MODERATE),
        ("everyone says hang in there. I'd rather just let go and be gone.", RiskLevel.MODERATE),
        ("if the ferry went down on the crossing I wouldn't mind", RiskLevel.MODERATE),
        ("spent the evening reading about car fumes, and not for the MOT", RiskLevel.HIGH),
        ("caught myself looking up heights that kill", RiskLevel.HIGH),
        ("wondered if the painkillers I'm on would be enough to kill me", RiskLevel.HIGH),
        ("it would have to look like a fall on the hills, for the insurance", RiskLevel.HIGH),
        ("suicide on my mind most nights still", RiskLevel.MODERATE),
        ("the pain is killing me and I kind of hope it's true", RiskLevel.MODERATE),
        ("paid off the credit card so nobody inherits it", RiskLevel.IMMINENT),
        ("the parole board said no I keep thinking about suicide", RiskLevel.MODERATE),
        ("I had suicidal thoughts on my first tour", RiskLevel.LOW),
        ("found my diary from 2015, pages of wanting to die", RiskLevel.LOW),
        ("she asked if I want to die and I said yes", RiskLevel.MODERATE),
        # said as what the writer is doing, with a time frame; drinking a poison; less common
        # word orders of wishes and attempts
        ("finished the rota. i'm ending it on sunday, it's decided", RiskLevel.IMMINENT),
        ("I'm ending it tonight with the pills I've saved", RiskLevel.IMMINENT),
        ("I'm ending it after my shift on Friday", RiskLevel.IMMINENT),
        ("swallowed my entire prescription twenty minutes ago", RiskLevel.IMMINENT),
        ("i just drank the weedkiller from the garage", RiskLevel.IMMINENT),
        ("I've taken an overdose and I'm scared", RiskLevel.IMMINENT),
        ("I don't particularly want to be alive", RiskLevel.MODERATE),
        ("I wish I'd just not wake up", RiskLevel.MODERATE),
        ("there's nothing left to live for", RiskLevel.MODERATE),
        ("honestly there's no point living like this", RiskLevel.MODERATE),
        ("the biopsy came back clear and I felt let down", RiskLevel.MODERATE),
        (
            "they joke the night shifts will be the death of us and I wish it was true",
            RiskLevel.MODERATE,
        ),
        (
            "crossed the footbridge at the station and the urge of climbing over and jumping came back",
            RiskLevel.HIGH,
        ),
        ("sold my bike and gave my books to Amira. I will not need any of it", RiskLevel.IMMINENT),
        (
            "queued the messages for friday morning, the ones that explain everything",
            RiskLevel.IMMINENT,
        ),
        ("I'm not going to be around much longer", RiskLevel.IMMINENT),
        ("this will be my final entry", RiskLevel.IMMINENT),
        ("Coffee at 9, then suicide on my mind all day", RiskLevel.MODERATE),
        ("clean from self-harm for four years now", RiskLevel.LOW),
        ("Dad died in June. I only want to be with him.", RiskLevel.MODERATE),
        ("I keep praying I get something terminal", RiskLevel.MODERATE),
        ("might as well disappear for good", RiskLevel.MODERATE),
        ("honestly I'd be better off six feet under", RiskLevel.MODERATE),
        ("the only reason keeping me going is my cat", RiskLevel.MODERATE),
        ("if not for my son I'd be gone by now", RiskLevel.MODERATE),
        ("I keep thinking about driving over the edge on the coast road", RiskLevel.HIGH),
        ("searched how long it takes to suffocate", RiskLevel.HIGH),
        ("going to the woods where no one will find me until spring", RiskLevel.HIGH),
        ("tried the cord round the banister tonight", RiskLevel.IMMINENT),
        # slang and second-language English
        ("gonna off myself, can't do another week", RiskLevel.MODERATE),
        ("been thinking about unaliving again", RiskLevel.MODERATE),
        ("I am thinking many times to finish my life", RiskLevel.MODERATE),
        ("Sunday I will finish my life, I am decide", RiskLevel.IMMINENT),
        ("sometimes I want to leave this world and go quiet", RiskLevel.MODERATE),
        ("Every night I think of die", RiskLevel.MODERATE),
        ("my kids are better without me", RiskLevel.MODERATE),
        ("I am tired from living here like this", RiskLevel.MODERATE),
        ("I feel like dying most days", RiskLevel.MODERATE),
        ("I don't want to continue my life", RiskLevel.MODERATE),
        ("swallowed 15 of the blue tablets from the cupboard", RiskLevel.IMMINENT),
        # as far as the act, and stopped
        ("I'm saying my goodbyes, one by one", RiskLevel.IMMINENT),
        ("typed my goodbye and saved it as a draft", RiskLevel.IMMINENT),
        ("pressed the blade against my wrist for ages", RiskLevel.IMMINENT),
        ("got up on the stool with the cord and then got down", RiskLevel.IMMINENT),
        ("walked to the level crossing and couldn't go through with it", RiskLevel.IMMINENT),
        ("counted my tablets, that's enough now", RiskLevel.IMMINENT),
        ("I feel numb all the time lately", RiskLevel.LOW),
        ("he left. overdose is the only way out now", RiskLevel.HIGH),
        ("thinking about overdose again, she wouldn't even notice", RiskLevel.HIGH),
        ("I've already said my goodbyes in my head", RiskLevel.IMMINENT),
        ("gave him my watch and told him I won't need it", RiskLevel.IMMINENT),
        ("I'm going to hang myself in the loft this weekend", RiskLevel.IMMINENT),
        ("forgive me for what I'm about to do", RiskLevel.IMMINENT),
        ("I won't be around for Christmas", RiskLevel.IMMINENT),
        ("please feed my cats when I'm gone.", RiskLevel.IMMINENT),
    ],
)
def test_risk_is_recognised_at_its_level(note: str, expected: RiskLevel) -> None:
    assert level(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "this commute is killing me",
        "dying to see the new film",
        "I could kill for a coffee",
        "I would never hurt myself",
        "I'm not suicidal, just exhausted",
        "no thoughts of harming myself at all",
        "my friend said she wants to die and I'm scared for her",
        "my brother tried to overdose last year",
        "finished a novel where the hero jumps off a bridge",
        "watched a documentary about suicide prevention",
        "had to kill the process and restart the server",
        "I want to end it with him, the relationship is over",
        "overdosed on chocolate at the party lol",
        "cut the grass again today",
        "cut my hair short and I love it",
        "I cut my finger chopping onions",
        "my hours got cut again this week",
        "burned my hand on the oven tray",
        "banging my head against the wall with this bug",
        "made myself sick with worry before the interview",
        "my friend relapsed and burned herself, we're going to the GP",
        "gave my old bike to my nephew, I won't need it now that I drive",
        "final entry of the holiday diary, back to work tomorrow",
        "I'm doing it tomorrow, the tax return can't wait",
        '"i want to die" - what my nephew yelled when the game was switched off',
        "Mood: 4. Thoughts of harming myself: none.",
        "Rock bottom with the debts, yes. Suicidal, no. Appointment on Monday.",
        "gonna kms if my laptop freezes one more time lmao",
        "client disclosed suicidal thoughts in session, supervision tomorrow",
        "my teenage daughter has been cutting and I found out today",
        "I hurt myself at the gym lifting too much",
        "cut myself shaving, typical monday",
        "If I have to sit through one more meeting I'm going to shoot myself lol",
        "GP asked if I ever think about ending my life. Honestly no, never have.",
        "Two clients this week with suicidal thoughts; both have safety plans now.",
        "The leaflet says the new tablets can cause suicidal thoughts. Just nausea so far.",
        "Safeguarding course today: how to ask about self harm without panicking.",
        "my little cousin replied 'i want to die' to a video of a cat falling off a sofa",
        "the nurse showed me the burns on her son's hands from the kettle",
        "toxicology revision all evening: paracetamol overdose and its antidote",
        "my flatmate says the bridge looks tempting for a photo shoot at dusk",
        "A patient on my ward who tried to overdose last month came back in today.",
        "First aid course: we practised asking 'are you thinking about suicide?' in pairs.",
        "Patient in resus came in after jumping from a car park. Long shift.",
        "hiding the tablets from the toddler, she climbs everything now",
        "the kids? took them all to the park after lunch.",
        "hoping the scan shows nothing serious, results friday",
        "90 days without cutting sugar and I blew it on cake",
        "we swam out to the buoy and came back for lunch by the lake",
        "I'm dead jealous of your new flat",
        "my son self harms and I saw fresh cuts this morning",
        "Big brother's been cutting again, mum found out",
        "Scheduled goodbye messages to the team before my maternity leave",
        "This is my last entry from this house, we move on Saturday",
        "I'd rather not exist in the same room as him after that meeting",
        "the dog did it again on my arm, muddy paws everywhere",
        "the bridge keeps crossing my mind, the design is due friday",
        "the old gun keeps crossing my mind, must sell it before the licence lapses",
        "I'd be glad if my heart stopped racing before exams",
        "my nephew (12) said 'i'm gonna kms' when the wifi dropped",
        "the new bridge looks like the answer to our traffic problems",
        "I wish I'd been killed off in the first episode, my character is dull",
        "Cut on Sunday: the hedge finally looks tidy",
        "I'm on the roof fixing the gutters, lovely view",
        "lad in bed 4 took an overdose, he's stable now",
        "Read about the singer in the news. Overdose, they're saying.",
        "my flatmate keeps joking 'gonna kms' about her dissertation",
        "This is my last entry from this phone, the new one comes tomorrow",
        "Said my goodbyes to the ward today after 30 years of nursing",
        "Life is hard right now and I still want it",
        "the climbing wall has drops that kill your forearms",
        "everyone thinks goth kids want to die. I don't.",
        "after my first husband died I moved to Leeds",
        "they'd be better without me at the pub quiz, I know nothing about football",
        "the nurse asked me whether I'd had thoughts of ending my life and I said no",
        "Updated my will now the baby's here",
        "self-harm thoughts: none this week",
        "The urge to cut didn't come back this month",
        "the garden looks so empty after the storm",
        "the band's overdose story was on the radio all morning",
        "GP review: I'm not having any thoughts of hurting myself or ending my life",
        "Said my goodbyes to the class on my last day of term",
        "We stood at the edge of the cliff for photos",
        "I'll be joining them at the pub after the funeral",
        "I've decided, I'm getting the blue sofa",
        "we picked the day to do it: the piano moves on Friday",
        "my psych essay is on self-harm in teenagers",
        "tired yes, suicidal no",
        "the trainspotters were sitting by the tracks all afternoon",
        "People assume I want to die because I'm on antidepressants. I don't.",
        "my sims keep dying in the pool, so frustrating",
        "This is my last entry for a while, off camping with no signal",
        "Won't be around next week, I'm on a work trip to Leeds",
        "got a fresh cut at the barbers, looking sharp",
        "I'd swap places with my sister any day, she gets the big room",
        "Vicar asked if I'd thought of ending things. I haven't, not once.",
        "wondering whether the meeting would be quick, it was not",
        "the rope is in the shed for the tyre swing",
        "scratched my arm on the brambles picking blackberries",
        "some kid in the game chat told me to kys after I won",
        "The character overdosed in the film and I cried on the sofa.",
        # written from the notes of fresh-u
        "This is my last day at the bakery. Cake and hugs, new job next week.",
        "My twin relapsed into self-harm. I sat with her at the hospital.",
        "I overdosed on caffeine before the exam lol",
        # written from the notes of train-t
        "The form asked 'Thoughts of self-harm?' No. 'Suicidal thoughts?' No.",
        "On the question about being better off dead I ticked 'not at all'.",
        "Yelled 'I want to die' about the spreadsheet and my flatmate laughed.",
        "a guy in the lobby typed 'gonna kms' after we lost",
        "Covered a client's old self-harm scars with a rose today.",
        "We read a poem. The poet wants to die because his love left.",
        "Last shift at the depot tomorrow. Said my goodbyes to the lads. New job Monday.",
        "Packed the car, said my goodbyes. Flying out tomorrow for the placement.",
        "Scheduled the goodbye email for Friday. Eight years at this company.",
        "Won't be here next week to check in, silent retreat.",
        "My GP keeps asking if I've thought about hurting myself. Never. Just tired.",
        "Banging my head against the wall with this spreadsheet all day.",
        "If the weather holds I'm taking Dad's rifle out to the hills for the deer season.",
        "If my knee is still bad tomorrow it'll be the painkillers again.",
        "Did it! Took the plunge and booked the flights.",
        "Snapped a hair tie on my wrist while tying up my hair, ow.",
        "If nothing changes by June I'm going to quit and retrain.",
        "Last day of term, in every sense a relief.",
        "scratching again, the eczema is awful, hiding my arms in long sleeves",
        "How do I raise self-harm with my 14-year-old? Found blood on her sheets.",
        "A resident I've cared for since spring took an overdose on home leave. She's stable.",
        "Won't be around next week, off to Crete! Out of office is on.",
        "Updated my will now the divorce is final.",
        "Won't be here tomorrow, hospital appointment for my scan.",
        "This was my last birthday in my twenties, thank god.",
        "my bf self harms and I never know what to say",
        "Said my goodbyes to the team, pretending not to cry. New job on Monday.",
        "Told her it was the cat that knocked the vase over. It wasn't, it was me.",
        "Handing my revision guides to my cousin, won't need them anymore. Graduated!",
        "Last entry here, switching to a paper diary for the new year.",
        "Felt odd this morning, probably the coffee.",
        "Bought paracetamol at two shops because the first one had run out.",
        "Picturing driving over the bridge to see her tomorrow.",
        "Packed the car and gave my desk to my flatmate. Not coming back till June.",
        "One of my Year 10s disclosed self-harm today. Did everything by the book.",
        "exam nerves are awful but there's not a bit of me that wants to hurt myself",
        "new cuts on my legs from the brambles, gardening is war",
        "my arm's a mess after the tattoo session",
        "farewell messages to the whole class before my mat leave, they made me a card",
        "sad ≠ suicidal, I keep telling people",
        "a troll in the lobby kept saying kill yourself, reported him",
        "I'm ending it with Ravi this weekend, it's been over for months",
        "I'm ending my gym membership on Friday",
        "If my boss moves the deadline again I'm walking into the sea, seriously lol",
        "boy in my son's class took an overdose, the school wrote to parents",
        "Grandad took an overdose of his heart tablets by accident, he's fine",
        "went bungee jumping off a bridge in the Alps!",
        "gave my old coats to the charity shop, I won't need them after the move",
        "This is my last entry before the holiday, no signal on the island",
        "The scan came back clear and I was relieved",
        "Gran is in the hospice and I want to be with her at the end",
        "Tea is the only thing keeping me alive on night shifts",
        "If it wasn't for Jess I'd have gone home early",
        "I should just disappear from group chats for good",
        "We want to leave the world a better place for the kids",
        "Finishing my life story scrapbook for Gran's birthday",
        "I feel like dying every time I watch my own wedding video lol",
        "the squad is better without me in goal, I was rubbish",
        "wrote a goodbye card for Sue's leaving do",
        "said my goodbyes to the group chat before the trip",
        "counted out Dad's tablets into the dosette box",
        # the writer's grief for someone else, and reports of someone else's overdose
        "Three years since my brother died by suicide. I'm numb today.",
        "My flatmate overdosed at the weekend, she's in ICU. I feel numb.",
        "Overdose call at 4am, man in his forties, he pulled through",
        "her son's in hospital, overdose. they think he'll be ok",
        "one more fire drill and I'm going to kill myself lol",
        "in the finale he tells his brother 'I want to die' and it wrecked me, what writing",
        "by the time you read this I'll be married!",
        "I'll be gone by the time you read this, off to the airport at six",
        "The band's new single is called Kill Myself Slowly, catchy though",
        "sorry for what I'm about to do to this cake lol",
        "I won't be here for Christmas, we're flying to my sister's",
        "please feed my cats when I'm gone on holiday",
    ],
)
def test_hard_negatives_raise_nothing(note: str) -> None:
    assert find_signals(note) == []


def test_evidence_quotes_the_words_that_triggered_it() -> None:
    note = "Bad day at work. Honestly I just want to disappear forever."
    signal = assess_patterns_only(note)
    assert signal.level == "moderate"
    [evidence] = signal.evidence
    assert evidence.signal == "passive_ideation"
    assert note[evidence.start : evidence.end] == evidence.text
    assert "disappear forever" in evidence.text


def test_context_rules_need_ideation_in_the_same_note() -> None:
    assert level("I have a plan for tomorrow: gym, then groceries") == RiskLevel.NONE
    assert level("Bought some pills for my headache") == RiskLevel.NONE
    assert level("I want to die. I have a plan.") == RiskLevel.HIGH


def test_curly_apostrophes_and_missing_ones_read_alike() -> None:
    assert level("I don’t want to live anymore") == level("I dont want to live anymore")
    assert level("I dont want to live anymore") == RiskLevel.MODERATE


def test_capitals_read_like_lower_case_and_evidence_points_into_the_note() -> None:
    note = "İstanbul trip cancelled. I WANT TO DIE, honestly."
    [match] = find_signals(note)
    assert match.level == RiskLevel.MODERATE
    assert match.text == note[match.start : match.end]
    assert match.text == "WANT TO DIE"


def test_a_rule_written_with_a_capital_is_refused() -> None:
    from mindtrack.ml.crisis.rules import PASSIVE, _rule

    with pytest.raises(ValueError, match="lower case"):
        _rule(PASSIVE, RiskLevel.MODERATE, r"wish i was Dead")


def test_a_learned_level_needs_every_lower_threshold_met() -> None:
    import numpy as np

    from mindtrack.ml.artefacts import HeadArtefact, LinearHead
    from mindtrack.ml.crisis.model import CrisisModel

    head = LinearHead(np.zeros((1, 4), dtype=np.float32), np.zeros(1, dtype=np.float32))
    meta = {
        "low_threshold": 0.9,
        "level_thresholds": {"moderate": 0.8, "high": 0.5, "imminent": 0.5},
    }
    model = CrisisModel(HeadArtefact("crisis", {"main": head}, meta, ""))
    # P(≥ level) for none … imminent
    assert model.model_level(np.array([1.0, 0.9, 0.7, 0.6, 0.55])) == RiskLevel.NONE
    assert model.model_level(np.array([1.0, 0.95, 0.85, 0.6, 0.3])) == RiskLevel.HIGH
    assert model.model_level(np.array([1.0, 0.99, 0.9, 0.8, 0.7])) == RiskLevel.IMMINENT


def test_heads_all_but_certain_outweigh_words_that_look_harmless() -> None:
    import numpy as np

    from mindtrack.ml.artefacts import HeadArtefact, LinearHead
    from mindtrack.ml.crisis.model import (
        SURE_DESPITE_HARMLESS_WORDS,
        CrisisModel,
        PatternReading,
    )

    head = LinearHead(np.zeros((1, 4), dtype=np.float32), np.zeros(1, dtype=np.float32))
    meta = {
        "low_threshold": 1.01,
        "level_thresholds": {"moderate": 0.65, "high": 0.6, "imminent": 0.6},
    }
    model = CrisisModel(HeadArtefact("crisis", {"main": head}, meta, ""))
    note = "GP asked if I think about killing myself. I said no, never."
    reading = PatternReading.of(note)
    assert reading.only_harmless

    def level(p_moderate: float) -> str:
        at_least = np.array([[1.0, 1.0, p_moderate, 0.1, 0.05]])
        return model.combine([note], [reading], np.array([0.0]), at_least)[0].level

    assert level(0.9) == "none"
    assert level(SURE_DESPITE_HARMLESS_WORDS) == "moderate"


@pytest.mark.parametrize(
    ("note", "harmless"),
    [
        ("this commute is killing me, dying to get home", True),
        ("had to kill the process and restart the server", True),
        ("my friend said she wants to die", True),
        ("I would never hurt myself", True),
        ("the character in the show overdosed in the finale", True),
        ("I keep thinking about the pills in the drawer", False),
        ("a quiet day, nothing much", False),  # no such words at all: nothing to excuse
        ("I want to live. I just want this week to be over.", True),
        ("I'm not suicidal, but I keep thinking about the pills", False),
        ("if the printer jams one more time i'll kms lol", True),
        ('"i want to die" - what my nephew yelled at the dentist', True),
        ("found cuts on my daughter's arms tonight, so scared for her", True),
        ("I'm going to strangle whoever keeps eating my lunch", True),
        ("pruned every dead branch off the pear tree", True),
        ("cut my own fringe again", True),
        ("my friend said she wants to die and I said me too", False),
        ("the character says he'd be better off dead and I thought, that's actually me", False),
        ("The song on the radio was about wanting to die and yeah. Same.", False),
        ("a self-harm scene in the film and then I went and did it myself", False),
        ("held a man's hand while he died, wishing it was me", False),
        ("same song about wanting to die on repeat at the gym, what a tune", True),
        ("finally ending it with my phone contract, 30 quid saved", True),
        ("ending it with him tomorrow. everyone thinks I mean the relationship", False),
        ("I really like being alive, today of all days", True),
        ("Life is worth living. I wrote it on the fridge.", True),
        ("Teen from youth club disclosed self-harm, safeguarding informed", True),
        # no words of death: nothing to excuse, even for a goodbye with its everyday reason,
        # which may be a cover the patterns cannot see
        ("Scheduled goodbye emails to my customers for when I close the shop", False),
        ("I screen clients for suicidal thoughts all day; tonight I'd tick yes for myself", False),
        ("counsellor asked if I'd thought of suicide and I said no. that was a lie.", False),
        ("the heroine plans her death in chapter 12 and I've done the same for mine", False),
    ],
)
def test_harmless_uses_of_words_of_death_are_told_apart(note: str, harmless: bool) -> None:
    assert only_harmless_mentions(note) is harmless


def test_an_idiom_turned_into_a_real_wish_is_still_caught() -> None:
    assert level("this job is killing me and honestly some days I wish it actually would") == (
        RiskLevel.MODERATE
    )
    note = "dad keeps his gun in the garage. i can't stop thinking about using it on myself"
    assert level(note) >= RiskLevel.MODERATE
