"""The explainable crisis patterns on their own: what they must catch and what they must not."""

import pytest

from mindtrack.ml.crisis.excuses import CONTEXT_REACH, sentence_bounds
from mindtrack.ml.crisis.levels import RiskLevel
from mindtrack.ml.crisis.model import assess_patterns_only, level_of
from mindtrack.ml.crisis.patterns import (
    MATCHES_READ_PER_RULE,
    find_signals,
    only_harmless_mentions,
)


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
        ("how peaceful it would be to just not be here anymore", RiskLevel.MODERATE),
        (
            "the family would be better off with the life insurance payout than with me",
            RiskLevel.MODERATE,
        ),
        ("part of me hopes the cancer wins", RiskLevel.MODERATE),
        ("wouldn't really mind if the plane went down on the way home", RiskLevel.MODERATE),
        ("i half hoped the bus wouldn't stop", RiskLevel.MODERATE),
        ("I wish I get very sick and never recover", RiskLevel.MODERATE),
        ("every night I pray that God takes me in my sleep", RiskLevel.MODERATE),
        ("I want it all to stop. Forever.", RiskLevel.MODERATE),
        ("thinking about how I'd end my life", RiskLevel.MODERATE),
        (
            "Dad says 'I'll kill myself' whenever the team loses. I really do think about it.",
            RiskLevel.MODERATE,
        ),
        ("holding the compass and thinking about using it on my arms", RiskLevel.MODERATE),
        (
            "Told the school nurse the plasters are from the cat. They're not. I did them.",
            RiskLevel.MODERATE,
        ),
        ("kept thinking about yanking the steering wheel into the barrier", RiskLevel.HIGH),
        ("looked up hanging last night", RiskLevel.HIGH),
        ("wondering if the joists in the loft would hold me", RiskLevel.HIGH),
        ("can't stop thinking about the tablets in the bathroom cabinet", RiskLevel.HIGH),
        ("all I could think about was the ledge", RiskLevel.HIGH),
        ("the railway line near work. thinking about it all the time", RiskLevel.HIGH),
        (
            "Mum's heart pills. Kept looking at them and thinking about myself, not her.",
            RiskLevel.HIGH,
        ),
        ("reading about overdoses until 3am. Deleted my search history.", RiskLevel.HIGH),
        ("thought it all through: the car park roof after midnight", RiskLevel.HIGH),
        ("If I lose the house I'm jumping off the car park roof", RiskLevel.HIGH),
        ("the method, the date, all of it is decided", RiskLevel.HIGH),
        ("If the results are bad, I know where and how.", RiskLevel.HIGH),
        ("figured out how to make it look like I slipped", RiskLevel.HIGH),
        ("it's timed so my sister would find me, not the kids", RiskLevel.HIGH),
        ("wrote the note in my head again last night", RiskLevel.HIGH),
        ("thinking about how I'd end things. I know the method.", RiskLevel.HIGH),
        ("I won't be here by morning", RiskLevel.IMMINENT),
        ("I'll be long gone by the weekend, I've made up my mind", RiskLevel.IMMINENT),
        ("tonight, after the kids are asleep, I'm ending it.", RiskLevel.IMMINENT),
        ("after tonight none of you will have to worry about me", RiskLevel.IMMINENT),
        ("Christmas dinner done. My last one.", RiskLevel.IMMINENT),
        ("the rabbits will be cared for when I'm gone.", RiskLevel.IMMINENT),
        (
            "Wrote to each of them. Sealed the envelopes. Put them in the bureau for after.",
            RiskLevel.IMMINENT,
        ),
        ("bought charcoal today. keeping it in the shed for when I'm ready", RiskLevel.IMMINENT),
        ("Sold my bike, told my mates I'm emigrating. I'm not emigrating.", RiskLevel.IMMINENT),
        ("Sat at the cliff top for an hour. Might not walk back next time.", RiskLevel.IMMINENT),
        ("cut really deep tonight, I meant it", RiskLevel.IMMINENT),
        ("hoping a bus veers into me on the way home", RiskLevel.MODERATE),
        ("why am i the one still breathing when he isn't", RiskLevel.MODERATE),
        ("why bother staying alive", RiskLevel.MODERATE),
        ("I'd rather be with him than here", RiskLevel.MODERATE),
        ("keep hoping for a crash on the way home", RiskLevel.MODERATE),
        ("I wish I could lie down in the snow and not get up", RiskLevel.MODERATE),
        ("the lyric says 'sleep and never wake' and honestly same", RiskLevel.MODERATE),
        ("if a lorry took me out tomorrow I'd be relieved", RiskLevel.MODERATE),
        ("if god took me tonight i would be grateful", RiskLevel.MODERATE),
        ("ending it keeps crossing my mind lately", RiskLevel.MODERATE),
        ("banging my head on the door when the cravings hit", RiskLevel.MODERATE),
        ("skipped dinner again, it's what I get for being useless", RiskLevel.MODERATE),
        ("been cutting my arms again", RiskLevel.MODERATE),
        ("punching the wall till my knuckles bled", RiskLevel.MODERATE),
        ("steering into the trees on the bypass, I keep thinking about it", RiskLevel.HIGH),
        ("one turn of the wheel and it's over", RiskLevel.HIGH),
        ("the river looks so easy to walk into", RiskLevel.HIGH),
        ("I keep imagining cutting deep enough that it's over", RiskLevel.HIGH),
        ("keep eyeing the hook in the ceiling", RiskLevel.HIGH),
        ("the tablets in my drawer would be quicker for me", RiskLevel.HIGH),
        ("can't stop looking down from the bridge", RiskLevel.HIGH),
        ("took the pills I'd been saving an hour ago", RiskLevel.IMMINENT),
        ("wondering which painkillers would be enough to not wake up", RiskLevel.HIGH),
        ("on the bridge I wondered how long it would take to fall", RiskLevel.IMMINENT),
        ("every train that comes, I imagine stepping forward", RiskLevel.HIGH),
        ("on the roof of the car park.", RiskLevel.IMMINENT),
        ("it could look like a hiking accident", RiskLevel.HIGH),
        ("I know the method and I know the place", RiskLevel.HIGH),
        ("I know exactly how I'd go and where", RiskLevel.HIGH),
        ("my note's written in my head", RiskLevel.HIGH),
        ("the letter I'd leave is short", RiskLevel.HIGH),
        ("been rehearsing what I'd say to each of them", RiskLevel.HIGH),
        ("would be the river and the pills", RiskLevel.HIGH),
        ("if the appeal fails I know what I'll do.", RiskLevel.HIGH),
        ("if they take the kids I know exactly which bridge", RiskLevel.HIGH),
        ("went over the plan again on the bus: the pills, the garage", RiskLevel.HIGH),
        ("the plan's all there, the rope and the woods", RiskLevel.HIGH),
        ("stood outside the gun shop thinking about buying one for myself", RiskLevel.HIGH),
        ("I won't be here to walk the dog after this", RiskLevel.IMMINENT),
        ("tonight. sorry everyone", RiskLevel.IMMINENT),
        ("won't be a burden to anyone after this weekend", RiskLevel.IMMINENT),
        ("tomorrow is when I finally go through with it", RiskLevel.IMMINENT),
        ("walked the beach for the last time, because I'm doing it Sunday", RiskLevel.IMMINENT),
        ("doing it when the house is empty tonight", RiskLevel.IMMINENT),
        ("last check-in", RiskLevel.IMMINENT),
        ("when I get home I'm ending it.", RiskLevel.IMMINENT),
        ("passwords in a folder for when I'm not here.", RiskLevel.IMMINENT),
        ("drove to the cliffs again. next time I won't turn back", RiskLevel.IMMINENT),
        (
            "stood at the edge of the platform and stepped back at the last second",
            RiskLevel.IMMINENT,
        ),
        ("scheduled the emails to go out on Sunday. one each.", RiskLevel.IMMINENT),
        (
            "Gave the dog away. Scheduled the goodbye posts before a fake holiday. There's no holiday.",
            RiskLevel.IMMINENT,
        ),
        (
            "People think I'm downsizing. I'm not. Gave the furniture away today.",
            RiskLevel.IMMINENT,
        ),
        ("loaded the shotgun and sat with it for an hour", RiskLevel.IMMINENT),
        ("if I got ill and died at least I'd finally be at peace", RiskLevel.MODERATE),
        ("I wish I could fall asleep and stay asleep", RiskLevel.MODERATE),
        ("hoping I catch something bad enough that it takes me", RiskLevel.MODERATE),
        ("what is the point of me being alive", RiskLevel.MODERATE),
        ("my family would get more out of the life insurance than out of me", RiskLevel.MODERATE),
        ("I don't wanna be here anymore", RiskLevel.MODERATE),
        ("the song goes 'I want to die' and honestly same", RiskLevel.MODERATE),
        ("my dad saw the marks on my arms. I did it again this week", RiskLevel.MODERATE),
        ("the scissors were in my hand and I'd started on my arm", RiskLevel.MODERATE),
        ("relapsed with the razor after a year", RiskLevel.MODERATE),
        ("thinking about the gun in the safe", RiskLevel.HIGH),
        ("how high is high enough", RiskLevel.HIGH),
        ("I want to walk into the river and let it take me", RiskLevel.HIGH),
        ("googled painless ways again", RiskLevel.HIGH),
        ("reading about car exhaust stuff at 2am", RiskLevel.HIGH),
        ("crashing the car seems easier every week", RiskLevel.HIGH),
        ("looked up how many of my sleeping pills it would take", RiskLevel.HIGH),
        ("the bridge near college keeps calling me", RiskLevel.HIGH),
        ("walking over the bridge I thought about climbing over", RiskLevel.HIGH),
        ("I've got it figured, the multistorey after midnight", RiskLevel.HIGH),
        ("I know exactly what I'm doing with the pills in my drawer", RiskLevel.HIGH),
        ("wrote down which of my meds I'd take", RiskLevel.HIGH),
        ("it'd just look like I lost control on the bend", RiskLevel.HIGH),
        ("know where. know how.", RiskLevel.HIGH),
        ("worked out how to do it so my husband gets the insurance", RiskLevel.HIGH),
        ("if I'm expelled I've decided it'll be the rope", RiskLevel.HIGH),
        ("booked a motel so my son doesn't find me", RiskLevel.HIGH),
        ("I want to die. worked out where I'd stand on the platform", RiskLevel.HIGH),
        ("if the biopsy is bad, I've got my way out.", RiskLevel.HIGH),
        ("if he leaves me I know how.", RiskLevel.HIGH),
        ("after results day I'm gone for good", RiskLevel.IMMINENT),
        ("last day of school, last day of everything", RiskLevel.IMMINENT),
        ("after Friday I won't be anyone's problem", RiskLevel.IMMINENT),
        ("I'm going to take the rest of my tablets tonight", RiskLevel.IMMINENT),
        ("im going to jump tonight, goodbye", RiskLevel.IMMINENT),
        (
            "the will and a card with my passwords for Jo, for after and that's that",
            RiskLevel.IMMINENT,
        ),
        ("written each of them a letter, sealed", RiskLevel.IMMINENT),
        ("went to the cliffs last night. couldn't.", RiskLevel.IMMINENT),
        (
            "Gave the cat to Mum. Told the landlord it's because of the new job, there's no new job.",
            RiskLevel.IMMINENT,
        ),
        (
            "Bought rope. Told the shop it was for the tent. I don't have a tent.",
            RiskLevel.IMMINENT,
        ),
        ("car's running, garage door's shut", RiskLevel.IMMINENT),
        ("took my sleeping tablets, the whole packet", RiskLevel.IMMINENT),
        ("tried last night with the belt, it snapped. woke up on the floor", RiskLevel.IMMINENT),
        ("cut deep tonight. I meant it.", RiskLevel.IMMINENT),
        ("Walked into the river and a fisherman dragged me out.", RiskLevel.IMMINENT),
        ("drowning sounds peaceful lately", RiskLevel.HIGH),
        ("i wouldn't care if the coach went off the road with me in it", RiskLevel.MODERATE),
        ("went to bed hoping I'd fall asleep and that would be the end", RiskLevel.MODERATE),
        ("I just want to stop waking up", RiskLevel.MODERATE),
        ("I'm done with it all, for good.", RiskLevel.MODERATE),
        ("if I died the insurance would pay off the mortgage", RiskLevel.MODERATE),
        ("wouldn't be sad if the tumour came back and took me", RiskLevel.MODERATE),
        ("I pray the Lord takes me soon", RiskLevel.MODERATE),
        ("better if i am not here anymore", RiskLevel.MODERATE),
        (
            "This job is killing me, they all say it. Except I'm hoping it actually finishes the job.",
            RiskLevel.MODERATE,
        ),
        ("I think about the suicide constantly", RiskLevel.MODERATE),
        (
            "I counsel people with suicidal thoughts. Now I'm the one having them.",
            RiskLevel.MODERATE,
        ),
        (
            "can't stop thinking about the shotgun in the cabinet and how easy it would be",
            RiskLevel.HIGH,
        ),
        ("I keep thinking about taking every tablet I have", RiskLevel.HIGH),
        ("wondering how long it would take to drown", RiskLevel.HIGH),
        ("stared at the beam in the loft and thought about it", RiskLevel.HIGH),
        ("searched up hanging at 4am", RiskLevel.HIGH),
        ("the rope in the loft. can't stop thinking about it.", RiskLevel.HIGH),
        ("the cliff walk. i keep imagining just stepping off the edge", RiskLevel.HIGH),
        ("up the scaffold at work I thought about unclipping", RiskLevel.HIGH),
        (
            "12th floor flat and the kitchen window opens all the way. I notice it every day.",
            RiskLevel.HIGH,
        ),
        ("I think about the codeine in my bedside drawer most nights", RiskLevel.HIGH),
        ("the tablets in the cupboard. all of them at once, I keep thinking", RiskLevel.HIGH),
        ("if he leaves, the bridge.", RiskLevel.HIGH),
        ("worked out how and where", RiskLevel.HIGH),
        ("the how and the when are sorted", RiskLevel.HIGH),
        ("I already know which floor. I want to die.", RiskLevel.HIGH),
        ("My pills, the woods, one night when she's away.", RiskLevel.HIGH),
        ("On the drive home I went over it again: the rope, the garage.", RiskLevel.HIGH),
        ("making it look like I'd slipped", RiskLevel.HIGH),
        ("won't be here for the next check-in", RiskLevel.IMMINENT),
        ("no point renewing things I won't be around for", RiskLevel.IMMINENT),
        ("it's tonight. sorry mum", RiskLevel.IMMINENT),
        ("A list of passwords for Sam, for after.", RiskLevel.IMMINENT),
        ("Paid the feed bill so nobody's left with it.", RiskLevel.IMMINENT),
        ("He doesn't know it's for good. Gave him the dog yesterday.", RiskLevel.IMMINENT),
        ("wrote the letters. sealed them.", RiskLevel.IMMINENT),
        ("scheduled messages to my family for Friday, they'll understand then", RiskLevel.IMMINENT),
        ("drove to the cliffs and sat there. I don't know why I drove home.", RiskLevel.IMMINENT),
        ("tried last night with my tablets, woke up at noon", RiskLevel.IMMINENT),
        ("took it. all of it.", RiskLevel.IMMINENT),
        ("Relapsed last night. sh again.", RiskLevel.MODERATE),
        ("new blade in my pencil case. trying not to look", RiskLevel.MODERATE),
        ("I had suicidal thoughts for about two years after the crash", RiskLevel.LOW),
        ("my old self would have wanted to die", RiskLevel.LOW),
        # medication kept or taken beyond the dose
        ("been collecting my pills for weeks", RiskLevel.IMMINENT),
        ("collecting extra tablets each time the script comes in", RiskLevel.IMMINENT),
        ("Took 30 paracetamol", RiskLevel.IMMINENT),
        ("I took all my pills tonight", RiskLevel.IMMINENT),
        ("thinking about taking all my pills", RiskLevel.HIGH),
        ("all the meds i hand out every day. i know which ones would do it", RiskLevel.HIGH),
        ("took my tablets. feel numb. not sad, not anything", RiskLevel.LOW),
        ("took my tablets so I would switch off", RiskLevel.MODERATE),
        ("saving up my meds", RiskLevel.IMMINENT),
        # medicines as a means (rules/medicines.py)
        ("whether taking all my other meds at once would end it", RiskLevel.HIGH),
        ("the tablets in the top cupboard would be enough", RiskLevel.HIGH),
        ("my antidepressants are what I'd use", RiskLevel.HIGH),
        ("in my head the lithium is my way out", RiskLevel.HIGH),
        ("I've worked out which of my meds I'd use", RiskLevel.HIGH),
        ("pills chosen, place chosen. no date.", RiskLevel.HIGH),
        (
            "if they section me again I'm taking the whole lot, every tablet in the drawer",
            RiskLevel.HIGH,
        ),
        (
            "Lithium levels fine. She doesn't know I've been keeping some back every night.",
            RiskLevel.IMMINENT,
        ),
        ("Wrote letters to mum. Put them with the pills I've been saving.", RiskLevel.IMMINENT),
        (
            "asked for an early refill, said I lost them. I'm saving them to do it",
            RiskLevel.IMMINENT,
        ),
        ("Two GPs, two prescriptions. Nearly got enough saved.", RiskLevel.IMMINENT),
        ("sorted passwords and the will. the meds are ready.", RiskLevel.IMMINENT),
        ("took my whole month of lithium an hour ago. feel sick", RiskLevel.IMMINENT),
        ("Then I took everything I had saved plus the new box.", RiskLevel.IMMINENT),
        ("swallowed the painkillers from the op. its done", RiskLevel.IMMINENT),
        ("Tried with my meds last night and woke up this morning.", RiskLevel.IMMINENT),
        ("Bottle's empty now. I took them about an hour ago.", RiskLevel.IMMINENT),
        (
            "last night I took extra on purpose. meds are the only thing that helps",
            RiskLevel.MODERATE,
        ),
        ("kinda hoping the anaesthetic just doesn't wear off tbh", RiskLevel.MODERATE),
        ("part of me hopes I don't come round from it", RiskLevel.MODERATE),
        ("took all of them", RiskLevel.IMMINENT),
        ("I have taken everything", RiskLevel.IMMINENT),
        ("took way more of my pills. numb now", RiskLevel.MODERATE),
        # what makes the writer say it is their whole life, or no joke follows
        ("everything makes me want to die lol", RiskLevel.MODERATE),
        ("this job makes me want to die", RiskLevel.MODERATE),
        (
            "this med can cause suicidal thoughts. i have been getting them since week two",
            RiskLevel.MODERATE,
        ),
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
        "the insurance hold music makes me want to shoot myself lol",
        "this homework makes me want to die lmao",
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
        "This is the last entry in this diary, it's full, new one tomorrow",
        "how nice it would be to not be here at work on a sunny day",
        "The team's better off with Sam as captain than with me",
        "I hope the train doesn't stop at every station",
        "I pray every day that God takes me where I'm needed",
        "thinking about how I'd end things with Jordan",
        "My instructor said stop thinking about turning the wheel so hard into corners",
        "Lifeguard course: looked up drowning statistics for the quiz",
        "all I could think about was the drop in sales",
        "Can't stop thinking about the pills I forgot to take",
        "kept looking at the knife, thinking about using it on the onions",
        "Told her the bruise is from netball. It is.",
        "scientific method, place value and fractions in maths today",
        "If it's sunny I'm jumping off the pier into the sea",
        "I know how and where to get the tickets",
        "the villain makes it look like he fell",
        "I'll be gone by the weekend, off to Spain",
        "Tomorrow I'm ending it with my gym membership",
        "The cats will be fed when I'm not around, my neighbour's popping in while I'm in Spain",
        "Wrote thank-you notes; they're in the drawer for after the party",
        "Keeping the good wine for when I'm ready to celebrate",
        "Told everyone I'm moving. I'm not moving till March though.",
        "Might not come back next time, the festival was that good",
        "Jumped into the lake for a swim and a friend pulled me out when I got cramp",
        "a young man who'd been looking up overdoses, so we admitted him",
        "This is my last entry of 2025, see you in January!",
        "The bus nearly went off the road today, scary",
        "I think about the suicide of my cousin every day",
        "Nurse asked if I'd had thoughts of self-harm. None at all.",
        "Thinking about the meds in the cabinet, need to order a repeat",
        "12th floor, the window opens all the way, great breeze",
        "went over it again with my revision notes",
        "Booked the vet to put our old cat down, said my goodbyes this morning",
        "Tried last night to get an early night, woke up at 3 anyway",
        "if it rains, the river.",
        "Interview at the bank tomorrow. I know which floor.",
        "Rifle, the woods, dawn. Deer season opens!",
        "Paid the last bills so nobody's left with them, moving out Friday",
        "scheduled emails to my team for Monday, they'll understand",
        "He doesn't know it's for good, the new job in Canada",
        "Sunscreen, the beach, a long lunch.",
        "wrote the letters to the council and sealed them",
        "I've had the idea for two years: open a bakery",
        "song of the day: I don't wanna live forever",
        "I would never kill myself. Same for my brother.",
        "Dentist at 10 to fix my filling, at 15 minutes past I was done",
        "my old car looks easier to drive",
        "hoping a bus comes soon, freezing",
        "playing hide and seek, hid under the bed so she doesn't find me",
        "if the printer jams again, I know how.",
        "after the party I'm gone for good, moving to Canada",
        "last day of everything before the holidays",
        "I'm going to take all my tablets with me on holiday",
        "I'm going to jump tonight at the trampoline park, sorry mum",
        "passwords in the shared doc for after the meeting",
        "Mum said we can keep the cat for good",
        "went to the bridge. couldn't find parking.",
        "cut deep into the wood, meant it to look rustic",
        "I'd never do anything to myself. kids need me",
        "Tomorrow is when I finally go through with the marathon sign-up",
        "hoping for a crash course in Spanish before the trip",
        "lie down on the sofa and not get up till noon, bliss",
        "the lady at the station said the trains were cancelled, lie down and rest",
        "can't stop looking down from the balcony at the fireworks, so pretty",
        "I wondered how long it would take to fall asleep",
        "it could look like an accident waiting to happen, that staircase",
        "next time I won't turn back from the summit, weather permitting",
        "loaded the shotgun and sat with it in the hide waiting for pigeons",
        "the plan's all there for the wedding, the car and the flowers",
        "on the roof of the shed fixing the felt",
        "last check-in before my holiday, see you in two weeks",
        "tonight. sorry everyone, can't make the quiz",
        # medication as prescribed, and prescriptions picked up
        "Collecting my pills from the pharmacy tomorrow",
        "I collected my meds from boots",
        "collected my tablets today",
        "Took all my meds on time this week, proud of that.",
        "took all my antidepressants this week without missing one",
        "took all my tablets like the doctor said",
        "Took 2 paracetamol for my headache",
        "they said it might bring on suicidal thoughts, so far fine",
        "side effects include suicidal thoughts, so watching it with my GP",
        "the dog had the blister pack under the sofa, all pills still sealed, phew",
        "Saving up my meds for the trip, ordering two repeats early.",
        "Pharmacy texted, my meds are ready for collection",
        "Meds ready in the dosette box for the week",
        "I'm taking everything I need for the trip, meds included",
        "I take all my tablets every morning with breakfast",
        "I have enough tablets now until the refill on Friday",
        "Took extra insulin again after dinner, sugars were high",
        "hope I don't come round halfway through the op, scary thought",
        "hoping the surgery takes me off the waiting list for good",
        "Took all of them back to the pharmacy returns bin: old painkillers, the lot.",
        "MS has taken everything. I'm a ghost in my own life",
        "Motor neurone disease. This week I've been getting my affairs in order, power of attorney too.",
        "This is my last entry in the old journal, it's full! New notebook tomorrow.",
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
    from mindtrack.ml.crisis.rules.base import PASSIVE, rule

    with pytest.raises(ValueError, match="lower case"):
        rule(PASSIVE, RiskLevel.MODERATE, r"wish i was Dead")


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
        ("one more meeting about meetings and I'll kill myself lol", True),
        ("this traffic makes me want to kill myself lol", True),
        ("this traffic makes me want to kill myself", False),
        ("life makes me want to kill myself lol", False),
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


@pytest.mark.parametrize(
    "note",
    [
        "Life just isn't worth living without her. 40 years married and now it's me and the clock.",
        "if a bus took me out on the way to class i wouldnt be mad",
        "I love him but I've started hoping something gets me first. A heart attack, anything.",
        "spent the whole lecture thinking about suicide instead of organic chem. normal tuesday lol",
    ],
)
def test_wishes_said_in_passing_are_caught(note: str) -> None:
    assert level(note) == RiskLevel.MODERATE


@pytest.mark.parametrize(
    "note",
    [
        "I hope something gets me a coffee before the meeting",
        "spent the whole lecture on suicide prevention taking notes",
        "the whole film is about a man planning his suicide",
        "brother in hospital after an overdose. so scared for him",
    ],
)
def test_the_same_words_in_ordinary_sentences_stay_quiet(note: str) -> None:
    assert level(note) == RiskLevel.NONE


def test_a_relative_in_hospital_does_not_hide_the_writers_own_risk() -> None:
    assert level("brother in hospital again. i want to overdose tonight") == RiskLevel.IMMINENT


def test_thoughts_during_uni_are_the_writers_past() -> None:
    note = "dark thoughts about dying were constant during uni, that's not where I am now"
    assert level(note) == RiskLevel.LOW


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("hope the tractor rolls over one of these nights and that's it", RiskLevel.MODERATE),
        ("went to the bridge after tea to end it. sat there till dark", RiskLevel.IMMINENT),
        ("back in the navy i thought about ending it most nights", RiskLevel.LOW),
        (
            "I wanted to die every day that winter. I'm not there anymore and haven't been for years.",
            RiskLevel.LOW,
        ),
    ],
)
def test_risk_in_plain_working_words_is_read_at_its_level(note: str, expected: RiskLevel) -> None:
    assert level(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "went to the bridge to do it justice with the new lens",
        "the nurse's form: I ticked 'not at all' for thoughts of being better off dead",
        "hope the van rolls over the finish line first and that's that for the season",
    ],
)
def test_the_same_working_words_stay_quiet_where_they_carry_no_risk(note: str) -> None:
    assert level(note) == RiskLevel.NONE


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Not suicidal, before anyone panics. I can't see the point of still being here.",
            RiskLevel.MODERATE,
        ),
        (
            "if the tests come back bad ill swallow everything in the bathroom cabinet",
            RiskLevel.HIGH,
        ),
        ("the chef kept saying cut it finer. funny, i cut for real last night", RiskLevel.MODERATE),
        (
            "in my home country i thought many times to end my life. now i have my garden and my grandkids, those thoughts are gone.",
            RiskLevel.LOW,
        ),
        ("pregnant with my first i had thoughts of ending it every night", RiskLevel.LOW),
    ],
)
def test_risk_named_in_a_passing_clause_is_read_at_its_level(
    note: str, expected: RiskLevel
) -> None:
    assert level(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "I don't see the point of being here at 7am when the shop opens at 9",
        "cleared out the bathroom cabinet and binned everything in the drawer that was out of date",
    ],
)
def test_the_same_clauses_stay_quiet_in_ordinary_notes(note: str) -> None:
    assert level(note) == RiskLevel.NONE


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Not suicidal, nobody panic. I just can't see much point in being alive.",
            RiskLevel.MODERATE,
        ),
        (
            "Bought tablets in town. Told my wife it was for the headaches. It isn't for the headaches.",
            RiskLevel.IMMINENT,
        ),
        ("twelve years today since my overdose. made a cake", RiskLevel.LOW),
    ],
)
def test_risk_and_its_past_in_reserved_words_are_read_at_their_level(
    note: str, expected: RiskLevel
) -> None:
    assert level(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Bay 4 came in after an overdose, younger than my son. Long night.",
        "Attended a hanging on the night shift. Debrief tomorrow.",
        "Told the GP I'd never take my own life. Too many grandkids to spoil.",
        "I'd rather sell the house than do anything daft to myself.",
    ],
)
def test_words_of_death_at_work_and_in_refusals_are_harmless(note: str) -> None:
    assert level(note) == RiskLevel.NONE
    assert only_harmless_mentions(note)


def test_a_reason_taken_back_without_a_means_is_no_cover_story() -> None:
    note = "Told mum it was for the party. It isn't for the party, it's her birthday present!"
    assert level(note) == RiskLevel.NONE


@pytest.mark.parametrize(
    "note",
    [
        "attended a hanging at work then came home and thought about doing the same",
        "dressed a patient's cuts all shift. came home and did the same to my own arm",
    ],
)
def test_someone_elses_act_turned_to_the_writer_is_not_harmless(note: str) -> None:
    assert not only_harmless_mentions(note)


@pytest.mark.parametrize("phrase", ["i want to die ", "kill myself ", "i have the pills ready "])
def test_a_long_note_repeating_a_phrasing_is_read_for_its_first_phrasings(phrase: str) -> None:
    once = find_signals(phrase)
    note = (phrase * 400)[:5000]

    matches = find_signals(note)

    assert level_of(matches) == level_of(once) >= RiskLevel.MODERATE
    per_rule = max(1, len(once))
    assert len(matches) <= MATCHES_READ_PER_RULE * per_rule
    assert max(m.end for m in matches) <= MATCHES_READ_PER_RULE * len(phrase)


def test_a_run_on_sentence_is_read_within_reach_of_the_match() -> None:
    text = "and then the bus was late again " * 150
    start = text.index("bus", 2500)

    first, last = sentence_bounds(text, start, start + 3)

    assert start - CONTEXT_REACH <= first < start < last <= start + 3 + CONTEXT_REACH
    assert text[first - 1] == " "  # whole words only
    assert text[last] == " "
    ordinary = "Slept badly. Then the bus was late again, twice! Fine now."
    bus = ordinary.index("bus")
    assert sentence_bounds(ordinary, bus, bus + 3) == (12, ordinary.index("!"))
