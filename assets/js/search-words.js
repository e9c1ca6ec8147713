// What a search's words say: which of them to look for (not the commonest, nor those no page
// has, and a mistyped one as the site's word it was meant to be), and besides, a place, an
// age, a gender, whether they ask for the police, say someone is in danger now or are about
// one's own behaviour. Loaded by search.js on the first search with words, with the place
// finder's code and lookup file and the site's words (each fetched whole from one address,
// so that no request says what was typed), so that none of it weighs on the search page's
// first load.
import { TEXT } from "./open-now.js";
import { distance, fetchWhole, loadIndex, placesNamed } from "./place-lookup.js";

// A number of these is no age.
const UNITS = "weeks?|months?|days?|hours?|minutes?|mins?|%|pounds?|times?";
// The words that may come before an age ("only 15") and after one ("15 years old").
const ABOUT = "(?:(?:only|just|nearly|almost)\\s+)?";
const OLD = "[\\s-]*(?:years?|yrs?)[\\s-]*old\\b";
// An age someone gives of themselves: "I'm 15", "I am a 15 year old", "aged 15", "im only
// 14"; not "I'm 30 weeks pregnant", nor "I have a 2 year old" (a child's).
const AGE = new RegExp(`\\b(?:i'?m|i\\s+am|aged?)\\s+${ABOUT}`
  + `(?:a\\s+)?(\\d{1,3})\\b(?!\\s*(?:${UNITS})\\b)(?:${OLD}|\\s*yo\\b)?`, "i");
// An age someone is over ("I'm over 60", "a woman over 60"), read as the year after, or
// under ("I'm under 18"), as the year before: not "he is over 18" (someone else's), nor "for
// over 10 years". "i am under 16" listed the line for adults' rape before Childline.
const OVER_UNDER = new RegExp("(?<=\\b(?:i'?m|i\\s+am|aged?|woman|man|lady|person)\\s+)(?:over|under)\\s+"
  + `(\\d{1,3})\\b(?!\\s*(?:years?|yrs?|${UNITS})\\b)`, "i");
// Someone else's age ("he is over 18", "my boyfriend is 19 years old"): no word to search
// by ("he is over 18 and im 15" found only the two services whose text has "18").
const THEIRS = new RegExp(`\\b(?:is|are|'s|was)\\s+(?:(?:over|under)\\s+)?${ABOUT}`
  + `\\d{1,3}\\b(?!\\s*(?:${UNITS})\\b)(?:${OLD})?`, "gi");
// Words someone may use of their own behaviour ("I am abusive", "I hurt my partner", "my
// anger", "I want to stop being controlling"), and words that say it is said of them ("he
// says I am controlling"), which then do not count. Asked too ("am i abusive": the Respect
// Phoneline is for people worried that their behaviour is abusive, services.yaml; it listed
// the lines for victims alone). Narrow on purpose: "I hit my head",
// "I kicked him out" and "I am dating an abuser" are a victim's.
const OWN = new RegExp(["\\b(?:i(?:'m| am)|am i) (?:so |very |really |being |too |quite |often )?"
  + "(?:abusive|violent|controlling|aggressive|an abuser|a perpetrator|the abuser"
  + "|the abusive one|the perpetrator)\\b(?!')",
// "i get angry and hit my wife", "i sometimes hit my partner", "i want to hurt my partner"
// (no line for people who harm was offered): a verb after a few words.
"\\bi (?:(?:might|could|may|will|want to|wanna|feel like|am going to|'m going to|'ll) "
  + "|(?:sometimes|often|always|then|keep|kept) "
  + "|(?:get|got|become|became) (?:angry|drunk|jealous|mad|violent) and )?"
  + "(?:hurt|hit|abuse|abused|push"
  + "|pushed|slap|slapped|punch|punched|kick|kicked|threaten|threatened|control|controlled"
  + "|frighten|frightened|(?:shout|shouted|scream|screamed|swear|swore|get angry|got angry) at"
  + "|get (?:angry|violent) with) my (?:partner|wife|husband|girlfriend"
  + "|boyfriend|gf|bf|ex|kids?|children|child|son|daughter|family|mum|mom|mother|dad|father"
  + "|parents?|brother|sister|gran|nan|grandma|grandad|grandparents?)\\b",
"\\bmy own behaviou?r\\b|\\babout my behaviou?r\\b|\\bmy (?:anger|temper)\\b",
"\\bchange my (?:behaviou?r|ways)\\b|\\bi lose my temper\\b",
"\\b(?:i (?:want|need|would like|'d like) to|help me|how (?:do|can) i|how to) stop (?:being "
  + "(?:abusive|violent|controlling|aggressive)|hurting|hitting|abusing|shouting at)\\b"
  + "(?! myself\\b)",
// The help itself, by its name: "perpetrator programme" listed two programmes for 11 to
// 18s, one of them for children harmed, before it.
// Not after someone else ("my partner is on a perpetrator programme", "he needs anger
// management" offered the line for people who harm above the results).
"(?<!\\b(?:he|she|they|my \\w+)\\b.*)(?:\\banger management\\b"
  + "|\\bperpetrators? (?:programmes?|programs?|courses?)\\b)"].join("|"));
// Words that say someone is in danger now, for whom the first thing to do is call 999 (the
// Police listing: "In an emergency, or if you are in danger now, call 999"). A false alarm
// costs a box above the results; a miss, the number when it matters.
const DANGER = new RegExp([
  // Said outright, not "not an emergency", "non-emergency", "in danger of going to prison".
  "(?<!\\bnot an |\\bnon[- ]?)\\bemergency\\b(?! contraception)|\\bin danger\\b(?! of)",
  "\\b999\\b|\\bsos\\b|\\b(?:me|us|her|him|my kids|my children|the kids|police) (?:right )?now\\b",
  // A weapon, an injury, an attack, being shut in. An ambulance is asked for by 999 too:
  // "i need an ambulance" found nothing and showed no way to call.
  "\\b(?:knife|knives|gun|machete|weapon|stabbed|stabbing|bleeding|unconscious|ambulance)\\b",
  "\\b(?:ribs?|bones?|arm|leg|nose|jaw|wrist) (?:is |are )?broken\\b|\\bbroken (?:ribs?|bones?|arm"
    + "|leg|nose|jaw|wrist)\\b",
  "\\b(?:can'?t|cannot|trouble|difficulty) breath(?:e|ing)\\b",
  "\\b(?:being|been) attacked\\b|\\battacking (?:me|us)\\b",
  // Seen or heard from next door: "she is being beaten", "I can hear screaming". (Of
  // oneself, "being hit at home" is often what has gone on for years.)
  "\\b(?:she|he|they|someone|somebody|neighbou?rs?|woman|girl|man|lady)(?:'s|s| is| are|'re)"
    + " being (?:beaten|hit|strangled|choked|stabbed)\\b",
  "\\b(?:hear|hears|hearing|heard) (?:\\w+ ){0,2}(?:screaming|screams)\\b"
    + "|\\bscream\\w* (?:next door|upstairs|downstairs)\\b",
  "\\blocked (?:me |us )?in\\b|\\bhiding (?:in|from)\\b",
  // Someone there, or on the way: "he's outside", "he is at my door", "he's trying to get in".
  "\\b(?:he|she|they)(?:'s|s| is| iz| are|'re)? (?:here\\b(?! from)|outside|coming\\b(?! out|"
    + " back| to court)|in the house|on (?:his|her|their) way)",
  "\\b(?:is|are|'s|iz) outside\\b|\\b(?:outside|at) (?:my|the|our) (?:front |back )?"
    + "(?:door|house|home|flat|window|gate)\\b",
  "\\b(?:banging on|kicking|breaking|smashing) (?:down |in )?(?:the|my|our) (?:door|window)",
  "\\b(?:trying|tries|tried|try) to (?:get|break) in\\b|\\b(?:breaking|broke|broken) in(?:to)?\\b",
  "\\bforc(?:e|es|ed|ing) (?:his|her|their) way in\\b",
  // A threat to kill: "he's going to kill me", "he threatened to kill me", "he'll kill me".
  "(?:\\b(?:going|gonna|gunna|will|wants?|trying|tried|threaten\\w*)(?: to)?|'ll|\\bll) "
    + "(?:kill|murder|stab|shoot|strangle) (?:me|us)\\b",
  // And of oneself: "I'm going to kill myself", "I want to kill myself".
  "(?:\\b(?:going|gonna|gunna|will|wants?|trying|tried)(?: to)?|'ll|\\bll) (?:kill|hurt) myself\\b"].join("|"));
// A question a help page answers: what something is or means, whether what happens is abuse
// or its signs, how something is done, whether one must. Its answering page comes above the
// services (search.js):
// "what is coercive control", "is it abuse if he doesnt hit me" and "how do i make a safety
// plan" listed ten services or more before the page. Not what to do ("what should i do",
// "how do i get help"): the lines and services are the answer to that.
const QUESTION = new RegExp(["^(?:what|whats|what's|wat) (?!do (?:i|we) do\\b)(?:is|are|does"
  + "|do|counts?|kinds?|types?|sort|happens|if)\\b",
"^(?:is|does|would|could|can|will) (?:it|this|that)\\b|^(?:can|could|how do|how can) (?:i|we) "
  + "(?:find out|check)\\b",
// Whether one must: "will i have to face him in court" listed six services before the page.
"^(?:do|will|would|must) (?:i|we) (?:have|need) to\\b",
"\\b(?:am i (?:being|in an?)|is (?:my|this|our|it) (?:relationship|marriage|partner|husband"
  + "|wife|boyfriend|girlfriend|bf|gf) (?:abusive|toxic|normal|healthy|controlling|abuse))\\b",
"\\b(?:signs?|red flags?|examples?|types?|kinds?|forms?|definition|meaning) of\\b"
  + "|\\b(?:define|definition|meaning|explain|explained)\\b",
"^how (?!(?:do|can|could|should) (?:i|we) (?:get|find) (?:help|support|someone)\\b)"
  + "(?:do|can|does|to|should|could|long|often)\\b",
"\\bi (?:dont|don'?t|do not) know (?:if|whether)\\b|\\b(?:not |un)sure (?:if|whether)\\b"].join("|"));
// One's own child, by what a parent calls them, and what the child is ("teenage", "little").
const CHILD_IS = "teenage|teen|young|little|eldest|oldest|youngest|older|younger";
const CHILD_NOUN = "(?:(?:step|grand)-?)?(?:sons?|daughters?|child|children|kids?|teenagers?"
  + "|toddlers?)";
// Having children, as a parent says it ("i have 3 kids", "we've got a son").
const HAVING = "\\b(?:i|we)(?: have| have got| got|'ve|'ve got)(?: (?:a|an|one|two|three|four"
  + "|five|six|\\d+))?";
// Any of one's children, babies too (not in PARENT: "my baby" is often a partner).
const CHILDREN = `(?:${CHILD_NOUN}|bab(?:y|ies)|boys?|girls?)`;
// A child, not a grown-up son or daughter (see REWRITES: a parent's child harmed).
const CHILD = `(?:(?:${CHILD_IS}) )?${CHILD_NOUN}`;
// One's children who saw or heard what happened, or children who saw abuse (see GROWN_UP,
// and REWRITES: witnessed): "children witnessing domestic abuse" listed NCDV first, by its
// "witness". Not a "child witness" in court.
const SAW = "saw|seen|see|sees|seeing|heard|hear|hears|hearing|witnessed|witness|witnesses"
  + "|witnessing|watched|watch|watches|watching|exposed to";
const WITNESS = `\\b(?:(?:my|our|the) ${CHILD} (?:(?:has|have|had|are|were|is|was|who) )?(?:${SAW})`
  + `|${CHILD} (?:(?:are|were|who) )?(?:${SAW})(?= (?:(?:domestic |the )?(?:abuse|violence)`
  + "|hurting)\\b))";  // hurting: as REWRITES reads the abuse seen
// Words of one's own child or grandchild ("my teenage son", "our kids"), or of children an
// adult looks after ("in front of the kids"): a parent's, so an adult's; what the child is
// (teenage) is left out of the words, as it says nothing of the help wanted. Not "my
// children's home" (a child in care may say it), nor "my baby" (often a partner).
const PARENT = new RegExp(`\\b(?:my|our) ((?:${CHILD_IS}|grown[- ]up|adult) )?${CHILD_NOUN}`
  + "\\b(?!'s home)|\\bthe (?:kids|children)\\b(?!'s home)", "i");
// An adult's words of themselves, left out, so that help for adults comes first: one's own
// childhood, told as an adult ("abused as a child", "when I was little": "abused as a child"
// found four services for 5 to 18s first, by "child"; not "when I was 12", which someone of
// 13 may say, nor "what can I do as a kid"), and being a parent ("a new mum", "I'm a stay at
// home mum": "new mum" listed Childline first; "I'm a single mum" is GENDER's), or saying so
// ("I'm an adult"). Having children, or
// children harmed with oneself ("i have 3 kids and he hits me", "he hurts me and my kids"),
// or who saw or heard it ("in front of the kids", "my son witnessed"), says the same:
// children who see or hear abuse are its victims too (seed 004), and the lines for it came
// after Childline, the NSPCC's line or services for children.
const GROWN_UP = new RegExp("(?:(?<=\\b(?:\\w+ed|hurt|hit|beaten|taken)(?: me| us)? )as an? "
  + "(?:child|kid|little girl|little boy)|\\bin my childhood|\\bwhen i was (?:young|younger|little|small"
  + "|an? (?:child|kid|little girl|little boy))|\\b(?:(?:i'?m an?|i am an?|as an?)(?: stay[- ]at[- ]home"
  + "| working| lone)?|new|single|first[- ]time) (?:mum|mom|mother|dad|father|parent)"
  + "|\\b(?:i'?m|i am) (?:an adult|a grown[- ]?up)"
  + "|" + HAVING + "(?: (?:" + CHILD_IS + "|small))? " + CHILDREN + "(?!')"
  + "|\\b(?:mum|mom|mother|dad|father|parent) of (?:one|two|three|four|five|six|\\d+)"
  + "(?: " + CHILDREN + ")?"
  + "|(?<=\\b(?:me|us) )and (?:my|our|the) " + CHILD
  + "|\\b(?:my|our|the) " + CHILD + " and (?=(?:i|me)\\b)"
  + "|\\bin front of (?:my|our|the) " + CHILD + "|" + WITNESS + ")\\b", "i");
// The young, as anyone may name them: ANOTHERS_CHILD, CHILDS_LIFE.
const YOUNG = "child|children|kids?|young (?:person|people)";
// Being worried about someone ("worried about", "scared for"): see ANOTHERS_CHILD, FOR_ANOTHER.
const WORRY = "\\b(?:worried|worry|worrying|concerned|concerns?|scared|afraid|frightened) (?:about|for)";
// What an adult does with children not their own (see ANOTHERS_CHILD).
const KNOWS = "(?:know|teach|work with|look after|care for|support|foster|babysit)";
// An adult's words of a child who is not their own: one they teach, know, look after or
// are worried about ("a pupil told me", "worried about a child"). Read as PARENT is, the
// words kept: "i'm worried about a child" and "a pupil told me her dad hits her mum" listed
// Childline, for children themselves, before the NSPCC's line for adults worried about a
// child, and "a child told me" Childline first (one who disclosed is read as one who told:
// REWRITES). Not "a girl in my class", nor "i'm a pupil" or "my student loan", a young
// person's.
const ANOTHERS_CHILD = new RegExp(`${WORRY} (?:a|an|this|that|one|some) (?:(?:${CHILD_IS}) )?`
  + `(?:${YOUNG}|bab(?:y|ies)|toddlers?|teenagers?)\\b`
  + "|(?<!\\bi'?m |\\bi am )\\b(?:my|our|a|one of my|one of our) pupils?\\b"
  + `|\\b(?:${YOUNG}) (?:in my (?:class|care|school|nursery)`
  + `|(?:i|we) ${KNOWS})\\b|\\b(?:i|we) ${KNOWS} (?:a|an|one|this|that|some) (?:${YOUNG}|pupil)\\b`
  + "|\\bi (?:work|volunteer) with (?:children|kids|young people)\\b"
  + `|\\b(?:a|one|this|that) (?:${YOUNG}|pupil) (?:has )?(?:told|tells)\\b`
  + `|\\b(?:my|our|the) (?:neighbou?r|friend)(?:'s|s'|s)? ${CHILD_NOUN}\\b`
  // A neighbour or friend seen hurting their own children: "my neighbour hits his kids"
  // found the Police, Crimestoppers and Clare's Law, and no line about children.
  + "|\\b(?:neighbou?rs?|friends?) (?:is |are |keeps? )?(?:hits?|hitting|beats?|beating|hurts?"
  + "|hurting|smacks?|smacking|slaps?|slapping|kicks?|kicking|abuses?|abusing) (?:his|her|their) "
  + `${CHILD_NOUN}\\b`, "i");
// Words that name a child, one's own or another's ("my son", "a pupil", "the baby"): the
// services about children then keep their place (search.js, placedApart). Read after
// REWRITES ("my baby's father" is a partner).
const NAMES_CHILD = new RegExp(`\\b(?:${CHILD_NOUN}|${YOUNG}|bab(?:y|ies)|pupils?|infants?`
  + "|nieces?|nephews?|teens?|(?:little|young) (?:girl|boy)s?)\\b", "iu");
// One's own parent, by what a child or a grown-up son or daughter calls them.
const PARENTS = "parents?|mum|mom|mam|mummy|mother|dad|daddy|father";
const ONES_PARENT = `\\b(?:my|our) (?:step-?)?(?:${PARENTS})\\b`;
// So too a grandparent, aunt or uncle (site.yaml: a child's words, in the kind of help for
// children), each of whom an adult's words read as family (read).
const ONES_ELDER = new RegExp(`\\b(?:my|our) (?:(?:step-?)?(?:${PARENTS})|uncle|aunt|auntie|nan`
  + "|nana|gran|granny|grandma|grandmother|grand?-?(?:dad|pa|father|parents?))\\b", "giu");
// A parent who is old or cared for ("my elderly mum", "my dad's carer", "my mum is in a care
// home"), of whom an adult speaks (read): "my mum is being abused by her carer" listed two
// services for children in one borough first, by "mum". The plan recognises elder abuse, and
// victims "with care and support needs" (seed 002). Not a parent who is a carer ("my mum is
// a carer"). Tested apart, so that the words are read once each.
const AGED_PARENT = new RegExp(`\\b(?:my|our) (?:elderly |old |older |aged |frail )(?:${PARENTS})\\b`,
  "iu");
const PARENT_NAMED = new RegExp(ONES_PARENT, "iu");
const CARED_FOR = new RegExp("(?:\\b(?:her|his|their|the)|'s) carers?\\b"
  + "|\\b(?:care home|nursing home|dementia|alzheimer'?s)\\b", "iu");
// Words a child or young person says of their own life ("my dad hits me", "at school", "my
// teacher"), or that name the young ("young person", "teenagers"): with no age given, the
// services for the young then keep their place (search.js, placedApart). Not a parent's or an
// adult's words about children (read: `adult`, `grown`).
const CHILDS_LIFE = new RegExp(`${ONES_PARENT}|\\bschool\\b|\\b(?:my|our) (?:head ?|form )?`
  + `teachers?\\b|\\b(?:${YOUNG}|teen(?:ager)?s?|youth)\\b`, "iu");
// A partner or former partner, by what people call them (see REWRITES: bullying).
const PARTNER = "(?:partner|boyfriend|girlfriend|husband|wife|fianc[eé]e?|bf|gf|ex)";
// Who does it, as the one it is done to says: he, she, they or a partner (see REWRITES).
const THEY = `(?:he|she|they|${PARTNER})`;
// Someone saying what they do for work ("i'm a gp", "as a social worker"): help for
// professionals first (search.js), as the search's choice of professionals would give, and
// the help pages about "professionals" when nothing else is said; not beside words of harm
// done to them (HARMED_ONESELF: "i'm a nurse and my husband hits me" are a victim's words).
const PROFESSIONAL = new RegExp("\\b(?:i'?m|i am|i work as|working as|as) an? (?:gp|doctor|nurse"
  + "|midwife|health visitor|paramedic|(?:head ?)?teacher|teaching assistant|social worker"
  + "|police officer|support worker|youth worker|key ?worker|case ?worker|housing officer|idva"
  + "|isva|counsell?or|therapist|safeguarding lead|dsl|practitioner|professional)\\b"
  // Or where they work: "i work for the council and my partner hurts me" listed first a
  // service only a professional can refer to and children's social care (their "council").
  + "|\\bi (?:work|volunteer) (?:for|at|in) (?:the |a |an )?(?:council|local authority|nhs"
  + "|hospital|gp surgery|surgery|school|nursery|police|charity|social services)\\b", "i");
const HARMED_ONESELF = new RegExp("(?<!\\b(?:told|tells?|telling|disclosed to|said to|help"
  + `|helping|let|for|to) )\\bme\\b|\\bmy ${PARTNER}\\b|\\bi(?:'m| am) (?:being|scared|afraid`
  + "|frightened)\\b", "i");
// One's home, as people name it (see REWRITES: an occupation order).
const DWELLING = "(?:house|home|flat|property|place)\\b";
// Someone from outside the home (a stranger, someone at work, a landlord: neither a partner
// nor family), or a public place, beside an attack (see REWRITES: a crime).
const OUTSIDER = "\\b(?:a |some )?(?:stranger|random (?:man|guy|woman|person|people|lads?|boys?))\\b"
  + "|\\bsomeone i (?:don'?t|do not|didn'?t|did not) know\\b|\\b(?:in|on) the (?:street|road|bus|train"
  + "|tube)\\b|\\b(?:my|a|the|our) (?:boss|manager|supervisor|colleague|co-?worker|workmate|employer"
  + "|landlord)\\b";
const ATTACKED = "(?:(?:attack|assault|hit|punch|beat|stab|rob|mug|slap)\\w*|kick(?:s|ed|ing)?(?! out))";
// Children's social care, by the names people give it (see REWRITES).
const SOCIAL_SERVICES = "(?:social services|social workers?|children'?s services|social care)";
// Someone else in the home, as one says who could overhear (see REWRITES: online chat).
const SOMEONE = "(?:he|she|they|someone|somebody|(?:my|the|our) \\w+)";
// A girl, as those who fear she will be cut speak of her (see REWRITES: FGM).
const GIRL = "(?:(?:grand)?daughters?|girls?|nieces?|sisters?)";
// What may be done to a child (see REWRITES: a parent's child harmed).
const HARMED = "(?:sexually )?(?:abused|groomed|harmed|hurt|molested|touched|exploited|bullied)";
// One's papers taken, hidden or destroyed (see REWRITES).
const PAPERS_TAKEN = "\\b(?:took|takes?|taken|taking|hid(?:e|es|den|ing)?|keep(?:s|ing)?|kept|has"
  + "|hold(?:s|ing)?|held|withh(?:o|e)ld(?:s|ing)?|destroy(?:s|ed|ing)?|burn(?:s|t|ed)?|ripped up"
  + "|tore up|threw away|won'?t give me(?: back)?) (?:away )?(?:my|her|our) (?:passports?|visas?"
  + "|brp|id|documents|papers|birth certificates?)\\b";
// Someone made to do something (forced, made, groomed), the start of the words of
// exploitation below: "forced to work", "made me sell drugs".
const MADE_TO = "\\b(?:forc(?:e|es|ed|ing)|mak(?:e|es|ing)|made|groom(?:s|ed|ing)?) "
  + "(?:me |us |her |him |them )?(?:to |into )?";
// Asked for something, over and over or with pressure (see REWRITES: images).
const ASKS = "pressur(?:e|es|ed|ing|ises|ised)|wants?|wanted|asks?|asked|asking|begs?|begged"
  + "|begging|tells?|told|telling";
// Pictures or films (of oneself, see REWRITES: images).
const IMAGES = "(?:(?:naked|nude|sexy|explicit|intimate|dirty) )?(?:pics?|pictures?|photos?|images?"
  + "|videos?|nudes)";
// The images said (see REWRITES: images shared), compiled once.
const IMAGE = new RegExp(IMAGES, "iu");
// Images of oneself, as who posts or sends them says it (see REWRITES: images shared).
const OF_ONESELF = ` (?:(?:my|our|her) ${IMAGES}|(?:a |an |some )?${IMAGES} of (?:me|us|her))\\b`;
// Someone not doing something ("he won't stop calling", "he doesn't give me money"), and
// kept from something ("he won't let me", "he never lets her", "he stops me"): read as
// harassment and as controlling below.
const NOT = "(?:won'?t|wont|will not|doesn'?t|does not|don'?t|do not|never)";
const KEPT = `\\b(?:${NOT} (?:let|lets|allow|allows)|(?:stops?|stopping|stopped)) (?:me|her|us)`;
// Whom someone is made to have sex with (see REWRITES: sex someone was made to have).
const WITH_OTHERS = "\\s+with\\s+(?:(?:other|his|her|their|some|random|strange|older)\\s+)?(?:men"
  + "|guys|people|friends|mates|women|strangers|clients|punters|them|him|her)\\b";
// Spiking (see REWRITES), and rape or sexual assault said beside it (not a "date rape drug").
const SPIKED = "\\b(?:spik(?:e|ed|es|ing)|drugged|drugging)\\b";
const SEXUAL = "(?<!\\bdate[\\s-]+)\\b(?:rap(?:e|ed|ing)|sexual(?:ly)?)\\b(?![\\s-]+drugs?\\b)";
// The last few days (see REWRITES: rape or sexual assault lately).
const RECENT = "\\b(?:last night|tonight|today|this (?:morning|afternoon|evening)|yesterday"
  + "|(?:an?|\\d+|a few|few|a couple of|couple of|two|three) (?:hours?|days?) ago)\\b";
// Something done to someone they did not agree to ("without my consent"), and, after words
// of filming or taking pictures, a private moment ("when i was naked"): see REWRITES.
const WITHOUT = "\\bwithout (?:my |her |our |their |me )?(?:consent|permission|consenting"
  + "|agreeing|knowing|knowledge|asking|telling(?: me| her)?)\\b";
const UNWANTED = `(?:${WITHOUT}|when (?:i|she) (?:was|wasn'?t) (?:naked|undressed|looking|aware)`
  + "|in the (?:shower|bath|bathroom|toilet)|(?:during|having) sex)\\b";
// Where someone lives, or how to reach them, and a place online (see REWRITES: harassment).
const DETAILS = "(?:my|her|our) (?:home )?(?:address|phone number|number|details"
  + "|personal (?:details|information|info))";
const ONLINE = "(?:online|on (?:the internet|social media|facebook|instagram|tiktok|twitter|snapchat))";
// Family, as one says who would not accept a relationship (see REWRITES: honour).
const FAMILY = "(?:family|parents|mum|mom|mam|mother|dad|father|brothers?|uncles?|aunts?"
  + "|relatives|in-?laws|community|cousins?)";
// A relationship found out, or not accepted (see REWRITES: honour); not what was found out
// of it ("my mum found out my boyfriend hits me"), nor what family know ("my mum knows").
const HIDDEN_LOVE = "\\b(?:(?:find|finds|found|finding) out (?:about (?:my|me having an?)|(?:that )?i"
  + " (?:have|had|'ve got) an?|(?:that )?i'?m seeing (?:a|some)(?:one)?)|discover(?:s|ed)? (?:my"
  + "|that i have an?)|(?:don'?t|doesn'?t|do not|does not|won'?t|will not|never) (?:approve|accept"
  + "|like|allow)(?: of)? (?:my|me having an?)) (?:secret )?(?:boyfriend|girlfriend|bf|gf|partner"
  + "|relationship)\\b(?! (?:hits?|hitting|hurts?|hurting|beats?|beating|abuses?|abusing|is|was"
  + "|has|had)\\b)";
// Words read as the site's own, each with why (a regular expression and what it becomes),
// in this order:
const REWRITES = [
  // A relative by marriage ("mother in law"), one word as domestic abuse's kind has it: its
  // "law" asked for Clare's Law.
  [/\bin[\s-]+(laws?)\b/giu, "in-$1"],
  // A parent's partner, as a child says it ("my mum's boyfriend hits her"): a step-parent, a
  // word of the children's kind. Its "boyfriend", a word of domestic abuse, found four local
  // services for children (two only a professional can refer to) before Childline.
  [new RegExp("\\b(?:mum|mom|mam|mummy|mother|dad|daddy|father)'?s (?:new )?(?:boyfriend"
    + "|girlfriend|partner|husband|wife|fianc[eé]e?)\\b", "giu"), "stepparent"],
  // A child's other parent, as a parent names a partner or former partner ("my baby's father",
  // "baby daddy", "my daughter saw her dad hit me"): "my baby's father hits me" listed
  // Childline second and the NSPCC's line for adults worried about a child fifth, and, with
  // who saw it left out (GROWN_UP), "my daughter saw her dad hit me" that line first.
  [new RegExp(`\\b(?:my|our|the) ${CHILDREN}(?:'s|s'|s)? (?:father|dad|daddy|mother|mum|mom`
    + "|mama)\\b|\\bbaby ?(?:daddy|mama)\\b"
    + `|(?<=\\b(?:my|our) ${CHILDREN}\\b.*)\\b(?:his|her|their) (?:father|dad|daddy|mother|mum`
    + "|mom|mama)\\b", "giu"), "partner"],
  // So-called honour-based violence, abuse or crime, in the word of the kind of help for it:
  // "honour based violence" listed Athena (Lewisham alone) first and Childline fifth, and in
  // Lambeth the Havens third, by "violence". "honor" too, not read as a misspelling.
  [/\b(?:so[\s-]+called[\s-]+)?honou?r(?:[\s-]+based)?(?:[\s-]+(?:violence|abuse|crimes?|killings?))?\b/giu,
    "honour"],
  // A relationship that family must not know of or do not accept, as so-called honour-based
  // abuse has it (someone thought to have "brought shame to their family", seed 004): "my
  // family will kill me if they find out about my boyfriend" listed the lines for domestic
  // abuse and a service for children, and not the line for honour-based abuse.
  [new RegExp(`(?<=\\b${FAMILY}\\b.*)${HIDDEN_LOVE}|${HIDDEN_LOVE}(?=.*\\b${FAMILY}\\b)`, "giu"),
    "honour"],
  // Someone to translate, as the services say it: "translator" found nothing, where the
  // 24-hour line and the Havens have interpreters.
  [/\btranslat(?:ors?|ion|e|ing)\b/giu, "interpreter"],
  // A child's or teenager's violence to a parent, as domestic abuse has it (CAPVA, seed
  // 004): "child to parent abuse" listed Childline first.
  [/\b(?:child|adolescent|teen(?:age|ager)?|young person)(?:[\s-]+(?:and|or)[\s-]+adolescent)?[\s-]+to[\s-]+parents?\b/giu,
    "capva"],
  // A refugee, as domestic abuse's words have it (an immigration status held over someone,
  // "reliance on someone for asylum status", seed 004): "i am a refugee" was read as
  // "refuges", and said so.
  [/\brefugees?\b/giu, "asylum"],
  // Someone who cannot call, or would rather write, as online chat (a listing's `chat`):
  // "i can't call" found nothing, and "i can't talk" the services whose text has "talk".
  // Not "i can't talk to my mum" (someone to talk to), "i can't speak english" (a
  // language), nor "i can't call the police" (the police). Nor can someone overheard: "he
  // is listening" and "he's always listening" listed Samaritans first (its "listen"), and "he
  // can hear me" nothing. (One "listening to my calls" is spying.)
  [new RegExp("\\b(?:can'?t|cant|cannot|can not|unable to|not able to|(?:too )?(?:scared"
    + "|afraid|frightened) to) (?:call|phone|ring|talk|speak)\\b(?: (?:on|over) the phone\\b"
    + "| out loud\\b)?(?! (?:to|with|about|english|the police|police|999|101)\\b)"
    + `|\\b${SOMEONE}(?:'?s|'?re| is| are| might be| may be| could be) (?:always |still )?`
    + "(?:listening\\b(?! to\\b)|in the (?:next|other) room\\b)"
    + `|\\b${SOMEONE} (?:can|could|might|may|will) (?:hear|overhear)`
    + "(?: (?:me|us))?\\b(?! (?:him|her|them|it)\\b)"
    + "|\\bwithout (?:calling|phoning|ringing|talking|speaking|a (?:phone )?call)\\b"
    + "|\\b(?:online|live|web)[\\s-]?chat\\b|\\bcan i (?:text|message|chat|type|write)\\b",
  "giu"), "chat"],
  // Sex someone was made to have is rape, as the services for it say: "he forced me to have
  // sex" listed the Forced Marriage Unit (its name's "forced") before them, and "he made me
  // have sex" the stalking helpline; "i was forced to have sex" the same. So is sleeping with
  // others one is made to ("he makes me sleep with other men" listed the Men's Advice Line
  // first, by "men", and "my boyfriend makes me sleep with his friends" a risk meeting and
  // a programme for men who harm), and for money it is exploitation too ("forced ... to
  // have sex for someone else's gain", the trafficking kind's description in site.yaml).
  [new RegExp("\\b(?:forc(?:e|es|ed|ing)|mak(?:e|es|ing)|made|pressur(?:e|es|ed|ing|ises|ised)"
    + "|push(?:es|ed)?)\\s+(?:me\\s+)?(?:to\\s+|into\\s+)?(?:(?:have\\s+|having\\s+)?sex"
    + `(?:${WITH_OTHERS})?|sleep(?:ing)?${WITH_OTHERS})(\\s+for\\s+(?:money|cash|drugs|rent))?\\b`
    + "|\\bforced\\s+(?:himself|herself|themselves)\\s+on\\s+me\\b", "giu"),
  (_, paid) => (paid ? "raped me exploitation" : "raped me")],
  // Ending one's life, or hurting oneself, in the words of the kind of help for it: their
  // own words are domestic abuse's too ("kill", "die", "hurting": "he will kill me" listed
  // Samaritans second).
  [/\b(?:kill(?:ing)? myself|end(?:ing)? (?:my life|it all)|take my (?:own )?life|(?:want|wanna|wish|ready|plan(?:ning)?) to die|wish i (?:was|were) dead|better off dead|(?:life is )?not worth living)\b/giu,
    "suicidal"],
  // Giving up on everything, as feeling hopeless is the kind's word: "i feel like giving up"
  // listed Crimestoppers alone. Not giving something up ("i had to give up my job").
  [/\b(?:(?:feel(?:s|ing)? like|want(?:s|ed)? to|wanna|about to|ready to) giv(?:e|ing) up|giv(?:e|ing) up on (?:life|everything|myself))\b(?! (?:my|the|his|her|our|their|a|an|work|school)\b)/giu,
    "hopeless"],
  [/\b(?:hurt(?:ing|s)?|harm(?:ing|s)?|cut(?:ting|s)?|burn(?:ing|s)?) myself\b/giu, "self harm"],
  // Feeling down or low, as the kind of help for those struggling to cope names low mood
  // ("depressed"): "i feel down" listed the Revenge Porn Helpline first, by the "taken down"
  // of images.
  [/\bfeel(?:s|ing)? (?:so |really |very |quite |a bit |pretty )?(?:down|low)\b/giu, "depressed"],
  // Put down (belittled), as the humiliation that coercive behaviour is made of (seed 004):
  // "he puts me down" listed the Revenge Porn Helpline, Childline and the Police.
  [/\b(?:puts?|putting) (?:me|her|us) down\b/giu, "humiliating"],
  // Knocked down, over or out, as the attack it is (domestic abuse's word): "he knocked me
  // down" listed the Revenge Porn Helpline and Childline alone.
  [/\bknock(?:s|ed|ing)? (?:me|her|us) (?:down|over|out|unconscious|to the (?:ground|floor))\b/giu,
    "attacked"],
  // Someone taken or sent to a country where forced marriages are most often arranged (the
  // Forced Marriage Unit's focus countries with most cases in 2019, Family Law Week,
  // sources.yaml), as taken abroad: "they took me to pakistan" found nothing.
  [new RegExp("\\b(?:took|take|takes|taking|taken|sent|send|sends|sending|brought|bring|flew)"
    + " (?:me|her|him|us|them) (?:back )?to (?:pakistan|bangladesh|india|afghanistan|somalia|iraq"
    + "|romania)\\b", "giu"), "abroad"],
  // A girl to be cut, or someone wanting to cut her: "cutting" is a name for FGM (NHS Kent
  // Community Health, sources.yaml). "my daughter is going to be cut" and "they want to cut
  // my daughter" listed three lines for adults' domestic abuse before the FGM line, and "my
  // niece is being taken abroad to be cut" only those for forced marriage. Not "my benefits
  // will be cut", "cut off" or "she cuts herself", nor what may be a threat of violence ("he
  // will cut my daughter", "cut my daughter with a knife").
  [new RegExp(`(?<=\\b${GIRL}\\b(?: [\\w']+){0,6}? (?:be|being|get|getting) )cut\\b(?! off\\b)`
    + "|(?<!\\b(?:he|she)\\b.*)\\bcut(?= (?:my|our|her|the|their|a) (?:little |baby |young )?"
    + `${GIRL}\\b(?!.*\\bwith\\b))`, "giu"), "fgm"],
  // Fear that a girl will be cut, as the kind of help for FGM has it ("for a girl you are
  // worried about"): "i'm scared they will cut my daughter" listed three lines for adults'
  // domestic abuse (its "scared") before the FGM line, as "i'm worried ..." did not.
  [/\b(?:scared|afraid|frightened|terrified)\b(?=.*\bfgm\b)/giu, "worried"],
  // A partner of the same sex: the abuse of LGBT+ people by a partner, as Galop, which runs
  // the LGBT+ line, writes of it (sources.yaml). "my same sex partner" listed that line
  // neither first nor among the first seven.
  [/\bsame[- ]?(?:sex|gender)\b/giu, "lgbt"],
  // Threatened with being outed, as a partner may threaten to "out" someone LGBT+ to
  // control them (Leeds Women's Aid, sources.yaml): "my partner threatens to out me" listed
  // the LGBT+ line third, "he threatened to tell my family i'm gay" the Revenge Porn
  // Helpline third (its "threatened").
  [/\bthreat\w* to (?:(?:out|expose) (?:me|us|her|him)\b|tell (?:\w+ ){1,3}(?:that )?(?:i'?m|i am|we'?re|we are|she'?s|he'?s) (?:gay|lesbian|bi|bisexual|trans|queer)\b)/giu,
    "outed"],
  // Gay, as LGBT+ (the kind's word): "gay" listed the Gaia Centre before the LGBT+ line.
  // ("gay men" read as the group of men too would find only what has "lgbt", and not the
  // Men's Advice Line.)
  [/\bgay\b/giu, "lgbt"],
  // A support group, as the support it is: "support group for women" listed first the
  // Family Rights Group (its name), a service for children and two forums for professionals.
  [/\b(?:peer )?support groups?\b/giu, "support"],
  // Fearing for one's life, as domestic abuse's words have it: "i thought i was going to die"
  // found nothing ("die" is no kind's word: see above).
  [/\b(?:thought|felt|was sure|believed) (?:that )?i(?:'d| was| would| will)? (?:going to |gonna )?die\b/giu,
    "scared"],
  // Injured, as one says one was hurt: "i am injured" found nothing ("i'm hurt" finds the
  // lines for domestic abuse first).
  [/\b(?:injur(?:ed|y|ies)|wounded)\b/giu, "hurt"],
  // Someone left, as the words of leaving home have it: "i left him" found nothing.
  [/\b(?:left|fled) (?=(?:him|her|them|my)\b)/giu, "leave "],
  // Near where someone is, or London, says nothing of the help wanted: every service is for
  // somewhere in London or the whole country, and the borough field (or a place's name)
  // says where. "help near me" found only foster care for a dog (its "near you"), and
  // "london" or "south london" risk meetings for professionals among the first.
  // (The City of London is a borough of its own.)
  [/\b(?:near|close to) (?:me|here|us|where i live)\b|\baround here\b|\bnearby\b|\bin my area\b|(?<!\bof\s+)\b(?:(?:north|south|east|west|central)[\s-]+)?london\b/giu,
    " "],
  // Love for someone, or missing them, says nothing of the help wanted, and many who are
  // harmed say it of the one who harms them: "he hits me but i love him" found services by
  // some of its words, and "i still love him" only a help page about children.
  [new RegExp(`\\b(?:but |and |yet )?i (?:still |really |do )?(?:love|miss) (?:(?:him|her|them)\\b|(?=my ${PARTNER}\\b))`,
    "giu"), " "],
  // One's own promise to change is a wish to change: "i promised i would change" listed the
  // Revenge Porn Helpline first (its "promise"). Before the remorse of the one who harms.
  [/\bi (?:promised|swore|said) (?:i(?:'d|'ll| would| will)|to) (?:really |try to )?change\b/giu,
    "i want to change"],
  // Abuse for who someone is, as a hate crime, a word of support after a crime: "racist
  // abuse" listed the lines for domestic abuse (by "abuse"). Not a family's homophobia
  // ("my family is homophobic"), which is domestic abuse, nor "religious abuse", which may
  // be faith used to control someone.
  [/\b(?:racist|racial|racially|homophobic|transphobic|biphobic|islamophobic|antisemitic|disablist)(?:[\s-]+(?:motivated|aggravated))?[\s-]+(?:abuse|abused|attacks?|attacked|assault(?:ed)?|harassment|harassed|crimes?|incidents?)\b/giu,
    "hate crime"],
  // Held down, as domestic abuse's words have it (grabbed): "he pinned me down" found the
  // Revenge Porn Helpline first (its images "taken down") and Childline. ("Violence", the
  // rape line's and Childline's word too, listed them second and third.)
  [/\b(?:pin(?:s|ned|ning)?|h[oe]ld(?:s|ing)?) (?:me|her|us) down\b|\bs[ai]t on (?:me|her|us)\b/giu,
    "grabbed"],
  // Otherwise "down" (after the readings of being put, knocked or held down) says nothing of
  // the help wanted, unless images are taken down: it put the Revenge Porn Helpline fourth
  // for "he pushed me down the stairs".
  [/(?<!\b(?:take|takes|taken|taking|took|get|gets|got|getting)(?: (?:it|them|this|that|(?:my|the) \w+))? )\bdown\b/giu,
    " "],
  // Somewhere to hide, as a safe place to stay: "where can i hide" found only help pages
  // (the one on staying safe online, by its "does not hide you").
  [/\bwhere (?:can|could|do|should|would) (?:i|we) (?:go (?:and |to )?)?hide\b|\b(?:somewhere|a place|anywhere|place) (?:safe )?to hide\b/giu,
    "somewhere safe to stay"],
  // Someone else's temper, as domestic abuse's "angry": "he has a temper" found nothing. Not
  // one's own ("i lose my temper": see OWN).
  [new RegExp(`(?<=\\b(?:he|she|they|my ${PARTNER}) )(?:(?:has|have|has got|'s got|got) (?:a |such a )?`
    + "(?:bad |short |violent |nasty |horrible |terrible |real )?temper|(?:loses|lost|keeps losing) "
    + "(?:his|her|their) temper)\\b", "giu"), "angry"],
  // Bullying online, as bullying: "cyberbullying" found nothing (Childline's "bullied").
  [/\bcyber[\s-]?bull(?:y|ies|ied|ying)\b/giu, "bullied"],
  // Bullying by a partner, as domestic abuse's intimidation: the word is otherwise a young
  // person's, Childline's ("i'm being bullied"), which listed it before the lines for
  // domestic abuse for "my husband bullies me".
  [new RegExp(`(?<=\\b${PARTNER}(?:'?s)?(?: [\\w']+){0,2} )bull(?:y|ies|ied|ying)\\b`
    + `|\\bbull(?:y|ies|ied|ying)\\b(?=(?: [\\w']+){0,2} (?:by )?(?:my |our )?${PARTNER}\\b)`, "giu"),
  "intimidating"],
  // A partner's history, as Clare's Law has it (asking about a partner's past): "how do i
  // check my boyfriends history" listed the lines for domestic abuse, by "check".
  [/\b(?:partner|boyfriend|girlfriend|husband|wife|fianc[eé]e?|bf|gf)(?:'?s)? (?:history|record|records|criminal record|background|convictions|previous)\b/giu,
    "partner's past"],
  // Getting an abuser out of one's home, which an occupation order can do (Shelter Cymru,
  // sources.yaml), a word of legal advice's: "can i make him leave the house" listed the
  // Forced Marriage Unit and the advice about social workers first (by "make", "house").
  [new RegExp(`\\b(?:(?:make|get|force|kick|throw) (?:him|her|them|(?:my|the) ${PARTNER})`
    + ` (?:to )?(?:leave|out|move out)|want (?:him|her|them|(?:my|the) ${PARTNER}) (?:out|to leave`
    + `|to move out))\\b(?: of)?(?: (?:the|my|our) ${DWELLING})?|\\b(?:won'?t|wont|will not|refuses?`
    + ` to|refused to) (?:(?:leave|get out)(?: of)? (?:the|my|our) ${DWELLING}|move out\\b)`,
  "giu"), "occupation order"],
  // Who may live in the home on parting, which an occupation order decides too (it can "give
  // you the right to stay in the family home", Shelter Cymru): "whose house is it if we
  // split" listed the Revenge Porn Helpline first.
  [new RegExp(`\\bwhose ${DWELLING} is it\\b|\\bwho (?:gets|keeps|will get|will keep|can stay in`
    + `|stays in|has the right to) (?:the|my|our) ${DWELLING}|\\b(?:can|will|do) i (?:keep|stay in)`
    + ` (?:the|my|our) ${DWELLING}(?= (?:if|when|after|once)\\b)`, "giu"), "occupation order"],
  // An independent adviser asked for by the initials: an IDVA or IGVA speaks for a victim of
  // domestic abuse, an ISVA of sexual violence (seed 004: "Independent Domestic Violence
  // Advisors (IDVAs)"; National Ugly Mugs' "Independent Sexual Violence Advisors (ISVA)",
  // sources.yaml). "i need an idva" found nothing. Not someone saying it is their work
  // ("i'm an idva": PROFESSIONAL).
  [/(?<!\b(?:i'?m|i am|as|work as|working as) an? )\b(?:idva|igva)s?\b/giu, "domestic violence"],
  [/(?<!\b(?:i'?m|i am|as|work as|working as) an? )\bisvas?\b/giu, "sexual violence"],
  // Moving on, as recovery (counselling and recovery: "support to cope and recover after
  // abuse"): "how can i move on" found only a help page for professionals.
  [/\b(?:mov(?:e|es|ing) on|get(?:ting)? over (?:it|him|her|them|what happened|the abuse)|heal(?:ing)?|rebuild(?:ing)? my life)\b/giu,
    "recovery"],
  // Moving home, as housing: "i want to move" found only a help page for professionals. Not
  // moving on (above).
  [/\b(?:(?:want|need|have|got|going|trying|plan(?:ning)?) to|(?:can|could|should|how do|how can) (?:i|we)) move\b(?! on\b| forward\b| past\b)(?: (?:house|home|out|away|area|borough|somewhere else))?|\b(?:move|moving) (?:house|home)\b/giu,
    "housing"],
  // Leaving with one's children, as leaving home: "can i take my children with me" listed
  // advice about social workers, then services for families, before any line for leaving.
  [new RegExp(`\\b(?:take|bring) (?:my|the|our) ${CHILDREN} with (?:me|us)\\b|\\b(?:leav(?:e|es|ing)`
    + `|left|go|going|flee|fleeing|fled) with (?:(?:my|the|our) )?(?:(?:two|three|four|\\d+) )?`
    + `${CHILDREN}\\b`, "giu"), "leave home"],
  // Names called, as domestic abuse's words have it (humiliating): "he keeps calling me
  // names" listed the Modern Slavery line first (its "give your name").
  [/\b(?:call(?:s|ed|ing)?) (?:me|her|us) (?:names|(?:a |an )?(?:stupid|fat|ugly|useless|worthless|crazy|mad|idiot|liar|slag|slut|whore|bitch))\b/giu,
    "humiliating"],
  // Sorry afterwards, and promises to change or that it will not happen again: the remorse
  // in the cycle of abuse (SATEDA, sources.yaml). "he says sorry after" found nothing, "he
  // says he will change" only help for people who harm, and "my husband promised he would
  // change" the Revenge Porn Helpline fourth (its "promise").
  [/\b(?:says?|said|saying|keeps? saying) (?:(?:he|she)(?:'?s| is) )?sorry\b|\b(?:always |then )?apologi[sz](?:es|ed|ing)\b|\b(?:says?|said|saying|swears?|swore|promis(?:e|es|ed|ing)) (?:(?:me|that) )?(?:to change|(?:he|she|they)(?:'ll|'d| will| would| can| is going to) (?:really |try to )?change(?! (?:the|my|our|your|his|her|their|a|an|it|locks?)\b)|it (?:won'?t|will not|will never) happen again)\b|\b(?:it )?(?:won'?t|will not|will never) happen again\b/giu,
    "abusive"],
  // No one believing them, as someone to talk to: "no one believes me" found two services in
  // Barking and Dagenham, one of them a meeting of professionals. The "not" is kept, so that
  // "the police didn't believe me" is still read as not wanting the police (NOT_POLICE).
  [/\b(?:no ?one|no-one|nobody) (?:believes?|listens? to|understands?) (?:me|us)\b|\b((?:won'?t|wont|don'?t|dont|doesn'?t|doesnt|didn'?t|didnt|never) )(?:believe|listen to) (?:me|us)\b/giu,
    "$1speak to someone"],
  // Made to feel small, as domestic abuse's words have it: "he makes me feel worthless"
  // listed the Forced Marriage Unit, Samaritans and the stalking line first (by "makes" and
  // "feel"). "I feel worthless", said of oneself, stays as it is.
  [/\b(?:makes?|made|making) (?:me|her|us) feel (?:so |really |very )?(?:worthless|useless|stupid|small|ugly|fat|crazy|mad|like (?:nothing|rubbish|dirt|an idiot|i'?m (?:going )?(?:crazy|mad)))\b/giu,
    "humiliating"],
  // Told one is mad, stupid or worthless, or imagines things: name-calling, and gaslighting
  // (someone made to question their own sanity: LGBT HERO, sources.yaml). "he says i'm
  // crazy" and "he tells me i'm stupid" found nothing, "he makes me think i'm going mad" the
  // FGM line first. Read by what is said: gaslighting, or humiliating as names called are.
  [new RegExp("\\b(?:says?|said|saying|(?:tells?|told|telling|makes?|made|making) (?:me|her|us)"
    + "(?: think)?) (?:that )?(?:i'?m|im|i am|i was|she'?s|she is) (?:(?:going|gone) )?(?:so |really"
    + " |just |a |an )?(?:(?<mind>crazy|mad|insane|mental|psycho|paranoid|imagining (?:it|things)"
    + "|making (?:it|things) up|overreacting|losing (?:it|my mind))|stupid|thick|dumb|ugly|fat"
    + "|useless|worthless|pathetic|nothing|an? idiot)\\b", "giu"),
  (...match) => (match[match.length - 1].mind ? "gaslighting" : "humiliating")],
  // Accused of flirting or cheating, as the jealousy it is (site.yaml: a sign of an abusive
  // partner): "he accuses me of cheating" and "she thinks i'm having an affair" found nothing.
  [new RegExp("\\b(?:accus(?:es|ed|ing|e) (?:me|her|us) of|(?:says?|said|thinks?|thought) (?:that )?"
    + "(?:i'?m|im|i am|i was|i've been|she'?s|she is|she was)) (?:always )?(?:cheating|flirting"
    + "|sleeping around|having an? affairs?)\\b", "giu"), "jealous"],
  // Made afraid by someone, as domestic abuse's words have it: "he makes me scared" listed
  // two services for one borough and a programme for men first, "he makes me nervous" the
  // Family Rights Group's line. "I feel anxious", said of oneself, is Samaritans' (site.yaml).
  [/\b(?:makes?|made|making) (?:me|her|us) (?:feel )?(?:so |really |very )?(?:scared|afraid|frightened|terrified|nervous|anxious|uneasy|on edge)\b/giu,
    "scared"],
  // Abuse of the mind, as domestic abuse's words have it (psychological): "mental abuse"
  // listed a service for 5 to 17s that only a professional can refer to first, by the
  // "mental health" of its text.
  [/\bmental(?:ly)?(?=[\s-]+(?:abus|tortur|cruel))/giu, "psychological"],
  // Contact that will not stop, as stalking and harassment's words have it ("unwanted,
  // repeated" behaviour, seed 004): "he keeps calling me" listed Karma Nirvana first (its
  // "so-called"), "my ex won't leave me alone" five lines for domestic abuse before the
  // stalking helpline, and "i left but he keeps finding me" a local service for children.
  [new RegExp(`\\b(?:keeps?|kept|${NOT} stop) (?:on )?(?:calling|ringing|phoning|messaging`
    + `|contacting|turning up|showing up|finding)\\b|\\b${NOT} leave (?:me|us) alone\\b`, "giu"), "harassment"],
  // Calls listened to and messages gone through, as domestic abuse's words have it (phones
  // "scrutinised" for messages, seed 004): "he listens to my calls" listed Samaritans first
  // (its calls).
  [/\b(?:listens?|listened|listening) (?:in )?(?:to|on) (?:my|her|our) (?:phone )?(?:calls|conversations)\b|\b(?:records?|recorded|recording|monitors?|monitored|monitoring|goes through|went through|going through) (?:my|her|our) (?:calls|phone|messages|texts|emails|conversations)\b/giu,
    "checks phone"],
  // Someone turning up where they are not wanted, as harassment ("at my work" is left out
  // below): "he turns up at my work" found only the service for sex workers.
  // Said of a person too: "he turned up drunk" found only the service for sex workers, and
  // "my ex turned up" not the stalking helpline.
  [/\b(?:turn(?:s|ed)?|show(?:s|ed)?) up(?= (?:at|outside|uninvited|unannounced|everywhere|wherever)\b)|(?<=\b(?:he|she|they|ex|partner|husband|wife|boyfriend|girlfriend)(?: just| always| even| then| again| still)? )(?:turn(?:s|ed)?|show(?:s|ed)?) up\b/giu,
    "harassment"],
  // Followed, watched from the street, or sent gifts after being told to stop: stalking
  // (Stalking NI, sources.yaml: "drive-bys" or walking past one's house, unwanted cards,
  // presents or flowers, not leaving someone alone when asked). "someone is following me"
  // in Lambeth listed third the officer for allegations about people who work with
  // children (its "follow the LADO process"), "my ex keeps driving past my house" only
  // Clare's Law (its "past"), and "he sends me flowers after i told him to stop" the
  // Family Rights Group, the Forced Marriage Unit and help for people who harm.
  [new RegExp("\\bfollow(?:s|ed|ing)? (?:me|her|us)\\b|\\b(?:driv(?:e|es|ing)|drove|walk(?:s|ed|ing)?)"
    + " (?:past|by) (?:my|our|her|the) (?:house|home|flat|work|school)\\b"
    + `|(?<=\\b(?:he|she|they|someone|${PARTNER})(?: keeps| still| always)? )(?:sends?|sent|sending`
    + "|leaves?|left|leaving|gives?|gave|giving) (?:me|her|us)"
    + " (?:\\w+ )?(?:flowers|gifts|presents|cards|letters|notes)\\b|\\b(?:even )?(?:after|when|though)"
    + " i(?:'ve| have)? (?:told|asked) (?:him|her|them) (?:to stop|not to|to leave me alone)\\b", "giu"),
  "stalking"],
  // So is someone outside one's home (the page also says how to call 999: DANGER): "he is
  // outside" listed only a borough's service, by the "outside" of its hours.
  [new RegExp(`(?<=\\b${THEY}(?:'s|s| is| iz| are|'re) )outside\\b(?: (?:my|the|our)`
    + " (?:front |back )?(?:door|house|home|flat|window|gate|work))?", "giu"), "harassment"],
  // Told what to wear, as control over it (Women's Aid Leicester, sources.yaml): "he tells
  // me what to wear" found nothing.
  [new RegExp("\\b(?:tells?|told|telling|decides?|decided|deciding|chooses?|chose|choosing|picks?"
    + "|picked|controls?|controlled|controlling) (?:me |her |us )?(?:what (?:to |(?:i|she|we) (?:can "
    + "|should |must |am allowed to |have to )?)wear|(?:all )?(?:my|her|our) clothes)\\b", "giu"),
  "controlling"],
  // One's things sold or taken, as economic abuse restricts the use of one's "economic
  // resources" (seed 004): "he sold my things" found only help pages, "he took my car" one.
  [new RegExp(`(?<=\\b${THEY}(?: has| had|'s)? )(?:sold|sells|selling|pawned|pawns|pawning|took`
    + "|takes|taken|taking|stole|steals|stolen|stealing) (?:all )?(?:of )?(?:my|her|our) (?:things"
    + "|stuff|belongings|possessions|jewellery|jewelry|gold|car|furniture|clothes)\\b", "giu"),
  "possessions"],
  // Lies told or posted about someone, as the stalking or harassment it is ("writing or
  // posting online about someone if it's unwanted", Victim Care Merseyside, sources.yaml):
  // "he posted lies about me" found only help pages, "he tells people lies about me"
  // Childline first.
  // So too where someone lives, or how to reach them, posted: "he posted my address online"
  // listed the Support Line for sexual violence first, and the stalking line not at all.
  [new RegExp("\\b(?:post(?:s|ed|ing)?|spread(?:s|ing)?|tell(?:s|ing)?(?: people| everyone)?|told"
    + "(?: people| everyone)?|say(?:s|ing)?|said) (?:lies|rumou?rs|gossip)(?: about (?:me|her|us))?\\b"
    + `|\\b(?:post|publish|leak)(?:s|ed|es|ing)? ${DETAILS}(?: ${ONLINE})?\\b`
    + `|\\b(?:share[sd]?|sharing|put|puts|putting) ${DETAILS} ${ONLINE}\\b`
    + "|\\bdox+(?:es|ed|ing)?\\b", "giu"), "harassment"],
  // Going back to someone, as the abusive relationship one returns to (IDAS: "I keep going
  // back but they never change"): "why do i keep going back" and "i went back to him"
  // listed Karma Nirvana and the Police (their "back") alone.
  [new RegExp("\\b(?:keep|keeps|kept) going back\\b|\\b(?:went|go|going|gone|goes) back to"
    + ` (?:him|her|them|my ${PARTNER})\\b`, "giu"), "abusive relationship"],
  // Kept awake, as control over when someone can sleep (Women's Aid Leicester, sources.yaml):
  // "he keeps me awake at night" found nothing. Said of someone, not of worry.
  [new RegExp(`(?<=\\b${THEY}(?: always| still| just)? )(?:(?:keeps?|kept`
    + "|keeping) (?:me|her|us) (?:up|awake)|(?:wakes?|woke|waking) (?:me|her|us) up)\\b", "giu"),
  "controlling"],
  // Not sleeping oneself, as the insomnia that can follow sexual violence (Peterborough Rape
  // Crisis, sources.yaml; counselling and recovery's word): "i can't sleep after what
  // happened" listed the rape line, then the advice about social workers and Karma Nirvana,
  // by their "after" and "happened".
  [/\b(?:i|i've|i have) (?:can'?t|cannot|can not|couldn'?t|could not|don'?t|do not|barely|hardly|haven'?t|have not|not) (?:been )?(?:get (?:any |to )?)?(?:sleep(?:ing)?|slept)\b(?! (?:with|together|around)\b)/giu,
    "insomnia"],
  // Someone released, as the prison an abuser leaves (specialist services help survivors plan
  // for their safety ahead of it: Solace Women's Aid, sources.yaml): "he's been released"
  // found nothing.
  [new RegExp(`(?<=\\b${THEY}(?:'s| is| has| was| got| gets| will be)`
    + "(?: been| being| getting)? )released\\b", "giu"), "prison"],
  // Someone kept from their medicine, from going out, from people or from care, as domestic
  // abuse's words have it (controlling): "withholding medication" and "not letting them
  // leave the house" are controlling behaviour (Neighbourhood Watch, sources.yaml). "he
  // won't let me take my medication" found only the Havens, "he won't give me my
  // medication" the Havens and the Modern Slavery line, "he hides my tablets" and "he
  // won't let me go out" nothing, and "he stops me going to the doctor" help for people who
  // harm (its "stop"). The medicine goes too, not only the verb: Pagefind reads
  // "medication" as "medical", the Havens' word. Not when the police are what someone is
  // kept from calling: they still come first.
  [new RegExp(`(?:${KEPT} (?:to |from )?(?:take|taking|have|having|get|getting)|\\b${NOT} gives?`
    + " (?:me|her|us)|\\b(?:hid(?:e|es|ing)?"
    + "|keeps?|kept|took|takes?|taking|withh(?:o|e)ld(?:s|ing)?|throws? away|threw away))"
    + " (?:away )?(?:my|her|our) (?:medication|medicine|meds|tablets|pills|insulin|inhaler)s?\\b",
  "giu"), "controlling"],
  // Kept from one's children ("he won't let me see my kids"): who a child lives with or
  // sees is what a court decides in child arrangements (Family Rights Group, sources.yaml),
  // read as custody is. As being kept from anyone (below), it listed the Havens first, by
  // their "see" and "children".
  [new RegExp(`${KEPT} (?:to )?(?:see|seeing|visit|visiting|have|contact|speak to|talk to)`
    + ` (?:my|our|the) ${CHILDREN}\\b`, "giu"), "custody"],
  [new RegExp(`${KEPT}\\b(?! (?:to )?(?:call|ring|phone|contact|report (?:it |him |her )?to|tell)`
    + " (?:the )?(?:police|999)\\b)|\\b(?:not|never) allowed\\b", "giu"), "controlling"],
  // Social workers taking children into care, as a parent fears it: the words of advice when
  // social workers are involved (Family Rights Group, sources.yaml), not a threat of the
  // abuser's (below). "i'm scared social services will take my baby" listed the lines for
  // domestic abuse alone, and "my children will be taken into care" first the place to
  // report a worry about a child. So is "they" or the police, asked: "will they take my
  // kids" listed first the NSPCC's line and the place to report a worry about a child.
  [new RegExp(`\\b(?:(?:${SOCIAL_SERVICES}`
    + "(?: \\w+){0,2}?|(?:will|would|might|could|can) (?:they|the police)) (?:(?:will|would|might"
    + "|could|may|can|want to|wanna|are going to|is going to|gonna) )?take (?:away )?(?:the|my|our)"
    + ` ${CHILDREN}(?: away)?(?: from (?:me|us))?`
    + `|(?:taken|take|taking|took|put|putting|placed) (?:(?:the|my|our) ${CHILDREN} )?(?:away )?`
    + "into care|care proceedings)\\b", "giu"), "social services"],
  // What one's children saw or heard, as the harm of domestic abuse it is (seed 004: children
  // who see or hear it are its victims): "my child saw the abuse" listed the lines for rape
  // and sexual abuse, and the Havens, before the 24-hour line; "the children heard
  // everything" was read as "children hard". Who saw it is an adult's words (GROWN_UP).
  [new RegExp(`(?<=${WITNESS} )(?:(?:all )?(?:of )?(?:the|our|his|her|my|what|this|that|it|us|him|them)`
    + " )?(?:abuse|violence|domestic (?:abuse|violence)|everything|happened|fighting|fights?"
    + "|arguing|arguments?|rows?|shouting|screaming|all)\\b", "giu"), "hurting"],
  // Custody of one's children, as the advice about courts' decisions has it (site.yaml):
  // "he wants custody of the kids" listed first the NSPCC's line, by "kids".
  [new RegExp("\\b(?:(?:wants?|wanting|get|gets|getting|got|going for|fight(?:s|ing)? (?:me )?for"
    + "|appl(?:y|ies|ying|ied) for|take|takes|taking|lose|losing|lost|keep|keeping) )?custody"
    + `(?: of (?:the|my|our|his|her) ${CHILDREN})?\\b`, "giu"), "custody"],
  // Contact with one's children, as courts now call it child arrangements (Advicenow,
  // sources.yaml), and Cafcass, which advises the family courts about what is safe for
  // children (SafeLives, sources.yaml): "he wants to see the kids" listed first the NSPCC's
  // line and Samaritans, "supervised contact" and "child contact centre" a service for one
  // borough's children first, and "cafcass" nothing.
  [new RegExp(`\\b(?:wants?|wanting|asks?|asking|asked|applying|applied) (?:to see|for contact with)`
    + ` (?:the|my|our|his|her) ${CHILDREN}\\b|\\b(?:supervised|child) contact(?: centres?| centers?`
    + "| orders?| arrangements?)?\\b|\\bcontact (?:centres?|centers?|orders?)\\b|\\bcafcass\\b", "giu"),
  "custody"],
  // Losing one's children, as a parent fears it, and what they fear would lose them (telling,
  // leaving): the same advice, as the fear of the children being taken should stop no one
  // seeking help (Family Rights Group, sources.yaml). "will i lose my kids if i report"
  // listed the Police and Crimestoppers first.
  [new RegExp(`\\b(?:lose|losing|lost) (?:the|my|our) ${CHILDREN}\\b(?: if i (?:report(?: (?:it|him`
    + "|her|them))?|tell (?:anyone|someone|the police)|call the police|leave(?: (?:him|her))?))?",
  "giu"), "social services"],
  // A parent's child harmed ("my daughter is being groomed", "someone touched my son"): the
  // words of the NSPCC's line for anyone worried about a child, where the police send a
  // parent who is ("If you are concerned about a child", Ask the Police, sources.yaml).
  // "my daughter is being groomed" listed four services for adults first (by "groomed"),
  // and "my son is being abused" the lines for domestic abuse (by "son": a grown child's
  // abuse). Not a daughter's partner ("her boyfriend hits her"): she may be grown up.
  // Rape and assault are read apart (below): the Havens see children too.
  // So is a pupil or student someone teaches ("my pupil is being groomed" listed services for
  // adults, and not the NSPCC's line); not a student's own words ("i'm a student"). So is a
  // baby someone harms ("he is hurting my baby" listed the 24-hour line, then Childline), though
  // "my baby" alone is often a partner.
  [new RegExp(`(?:(?:(?:\\b(?:my|our)|${HAVING}) ${CHILD}|(?<!\\bi'?m |\\bi am )\\b(?:my|our|one of my`
    + "|one of our) (?:pupils?|students?))(?: who| that)?(?: (?:is|are|was|were|has been|have been|got))?"
    + ` (?:being |getting )?${HARMED}|(?<!\\bi )\\b(?:is |are |was |has been )?`
    + `(?:grooming|touching|molesting|abusing|exploiting|hurting|harming|bullying|groomed`
    + `|touched|molested|exploited) (?:(?:my|our) ${CHILD}|(?:my|our|the) bab(?:y|ies)))\\b`
    + "(?!.*\\b(?:her|his|their) (?:boyfriend|girlfriend|husband|wife|partner|ex)\\b)", "giu"),
    " worried about my child "],
  // Raped or sexually assaulted, a child still: "my son was raped" listed three local
  // services with domestic abuse's "son" before the Havens.
  [new RegExp(`\\b(?:my|our) ${CHILD}(?= (?:was|were|has been|have been|got|is being|are being)`
    + " (?:raped|sexually assaulted)\\b)", "giu"), "my child"],
  // Fake profiles, and someone pretending to be them online, as cyberstalking ("using your
  // image / information to create false accounts": LJMU, sources.yaml). "fake profile of
  // me" found nothing.
  // Not a fake account alone, which may be a bank's (economic abuse).
  [/\b(?:fake|false|made up) (?:profiles?|pages?)\b|\b(?:fake|false|made up) (?:online|social media|instagram|facebook|tiktok|snapchat|dating) (?:profiles?|accounts?|pages?)\b|\b(?:pretend(?:s|ed|ing)? to be|impersonat(?:e|es|ed|ing)) me\b/giu,
    "cyberstalking"],
  // Stalking online is cyberstalking (stalking done or helped by online tools: LJMU,
  // sources.yaml): "someone is stalking me online" listed the line for rape and sexual
  // abuse first, by the "online" of its chat.
  [new RegExp(`\\bstalk(?:s|ed|ing)?(?: (?:me|her|him|us|them))? ${ONLINE}|\\b(?:online|internet)`
    + " stalk(?:ing|er|ers)\\b", "giu"), "cyberstalking"],
  // Social media is a place online, not social services: "social media" listed first the
  // place to report a worry about a child (its "social"). Where something happened ("he
  // harasses me on social media") says nothing of the help wanted, as on the body below.
  [/\b(?:on|over|through|via) social media\b/giu, " "],
  [/\bsocial media\b/giu, "online"],
  // Children used to control, as domestic abuse's words have it: "threatening to take
  // children away" (Family Rights Group, sources.yaml). "he says he will take my children"
  // listed two services for families and a line for anyone worried about a child first
  // (children taken, below). So a threat to report someone to social services ("Many
  // abusive people make this threat": IDAS, sources.yaml), which listed the police,
  // Crimestoppers and Clare's Law alone.
  [new RegExp("\\b(?:threat(?:en|ens|ened|ening)? to|(?:says?|said) (?:he|she|they)(?:'ll| will"
    + "| would| is going to| was going to| are going to)|(?:will|'ll|'s going to|is going to"
    + `|gonna)) (?:take (?:the|my|our) ${CHILDREN}(?: away)?(?: from (?:me|us))?|(?:report|tell`
    + `|call|ring|phone) (?:me |us |her )?(?:to |on )?(?:the )?${SOCIAL_SERVICES})\\b`, "giu"),
  "controlling"],
  // Children taken or kept from a parent by the other ("he took my kids", "my ex won't bring
  // the children back"), as children used "as pawns ... by the abusive partner in attempts
  // to control the mother" (seed 004): controlling, and custody (the advice about courts'
  // decisions), the children kept. "he took my kids" listed the NSPCC's line, children's
  // social care and Childline first and no line for domestic abuse; in Lewisham only the
  // NSPCC's line and Childline. Not "they" (social workers, above, may be who took them),
  // nor children taken abroad (the lines for forced marriage and FGM).
  [new RegExp(`(?<=\\b(?:he|she|${PARTNER})(?:'s|'d)?(?: (?:has|had|is|was|just|now))* )`
    + `(?:(?:took|taken|takes|taking|kept|keeps|keeping|hid|hidden|hides|hiding) ((?:my|our|the)`
    + ` ${CHILDREN})|${NOT} (?:give|bring|send|hand) (?:me |us )?((?:my|our|the) ${CHILDREN})`
    + " back)\\b(?!')(?! (?:abroad|overseas|out of the country))", "giu"),
  (_, taken, kept) => `controlling custody ${taken || kept}`],
  // Children taken, or to be taken, abroad by the other parent: it may be a crime, and the
  // police can act, with forces abroad, or at the border when it is to happen within 48
  // hours (Devon and Cornwall Police, GOV.UK: sources.yaml). "he took the children abroad"
  // listed the Forced Marriage Unit and Karma Nirvana first, and no way to the police. Not
  // when the words say why, to be cut or married (the lines for FGM and forced marriage).
  [new RegExp(`(?<=\\b(?:he|she|${PARTNER})(?:'s|'d|'ll)?(?: (?:has|had|is|was|just|now|will`
    + "|wants? to|going to|gonna|might|may|could|threat(?:ens|ened)? to))* )(?:took|taken|take"
    + `|takes|taking) ((?:my|our|the) ${CHILDREN}) (?:abroad|overseas|out of the (?:country|uk)`
    + "|to another country)\\b(?! to (?:be |get )?(?:cut|fgm|married|marry|wed))", "giu"),
  (_, children) => `police ${children} abroad`],
  // Money one has to ask for, or is not given, as domestic abuse's words have it ("controlling
  // your money", seed 004): "i have to ask him for money" listed the Modern Slavery line and
  // the Revenge Porn Helpline second and third. So are an allowance one is given and child
  // maintenance held back ("Withholding child maintenance payments", seed 004): "he gives me
  // an allowance" listed the Modern Slavery line, the stalking line and the FGM line first,
  // "my ex won't pay child maintenance" three services of one borough each.
  [new RegExp("\\b(?:ask|asking|beg|begging) (?:him|her|them) for (?:any )?(?:money|cash)\\b"
    + `|\\b${NOT} gives? (?:me|us) (?:any )?(?:money|cash)\\b|\\b(?:gives?|gave|giving) (?:me|us)`
    + ` (?:an? )?(?:allowance|pocket money)\\b|\\b(?:${NOT}|stopped|refus(?:e|es|ed|ing) to) (?:pay|paying`
    + "|give|giving) (?:me |us )?(?:any )?(?:child (?:maintenance|support)|maintenance)\\b|\\bwithh(?:o|e)ld\\w*"
    + " (?:the |my |our )?(?:child )?maintenance\\b", "giu"), "controlling money"],
  // Everything decided for someone, and a life of walking on eggshells: coercive control
  // (South Yorkshire Relationship and Sexual Counselling Service, sources.yaml:
  // "micro-managing their day to day life", causing them "to walk on eggshells"). "he
  // decides everything" listed the Havens, the service for sex workers and a risk meeting;
  // "i walk on eggshells" found nothing.
  [/\b(?:decides?|decided|deciding|controls?|controlled|controlling) (?:everything|every ?thing i do|all (?:the|my) (?:decisions|choices)|my (?:whole |entire )?life|my every move)\b|\b(?:makes?|made|making) all (?:the|my) (?:decisions|choices)\b|\b(?:walk(?:s|ed|ing)?|tread(?:s|ing)?) on egg ?shells\b/giu,
    "controlling"],
  // Where on the body someone was hurt says nothing of the help wanted: "he punched me in
  // the face" listed five services before the 24-hour line, by their "face-to-face".
  [/\b(?:in|on|across) (?:the|my|her) (?:face|head|stomach|belly|tummy|eye|mouth|nose|chest|ribs|back|arm|leg)\b/giu,
    " "],
  // Nor facing someone (in court, or at home): "will i have to face him in court" listed
  // the LGBT+ line first, by its "people facing domestic abuse". Not abuse faced.
  [/\b(?:face|faces|faced|facing) (him|her|them|my (?:ex|abuser|attacker|partner|husband|wife|boyfriend|girlfriend)|the (?:abuser|attacker|perpetrator))\b/giu,
    (_, who) => who],
  // Nor where someone turns up at work: "my ex keeps turning up at my work" listed the
  // advice about social workers and the service for sex workers third and fourth (by
  // "workers"). Not a school, which says who is asking.
  [/\b(?:at|outside|near) (?:my|her|our) (?:work|job|workplace|office)\b/giu, " "],
  // Helping a sister or brother, as domestic abuse's "worried": "if you are worried that
  // someone you know is a victim", call the 24-hour line (the UK Government's guidance, in
  // sources.yaml). "how do i help my sister" found nothing ("sister" is no kind's word: a
  // child's, see site.yaml).
  [/\b(?:help|helping|support|supporting|worried about|worry about|scared for|afraid for) (?:my|our) (?:older |younger |little |big )?(?:sister|brother|cousin|auntie|aunt|niece|nephew)s?\b/giu,
    "worried"],
  // A bite, as domestic abuse's words have it: "he bit me" found nothing ("a bit" is not one).
  [/\b(?:bit|bites|bitten) (?=me\b|her\b|my\b|us\b)/giu, "biting "],
  // Someone reading one's messages, as domestic abuse's words have it (checking a phone):
  // "he reads my messages" found the stalking helpline first, by "messages", and "my
  // partner checks my history" Clare's Law alone, by a partner's history.
  [/\b(?:reads?|reading|goes through|going through|looks? through|looking through|checks?|checking) (?:all )?(?:my|her|our) (?:messages|texts|emails|whatsapps?|phone|dms|(?:browsing |search |internet )?history|searches)\b/giu,
    "checking phone"],
  // So is someone getting into one's accounts or devices: tech abuse "might be hacking your
  // "WhatsApp" account, to stalk you" (Jewish Women's Aid, sources.yaml). "my ex hacked my
  // email" listed three local services first, by the "email" of their contact details.
  [/\b(?:hack(?:s|ed|ing)?(?: into)?|(?:gets?|got|getting|breaks?|broke|logs?|logged|logging) into|access(?:es|ed|ing)?) (?:all )?(?:my|her|our) (?:e-?mails?|accounts?|phone|laptop|computer|ipad|tablet|icloud|facebook|instagram|snapchat|whatsapps?|tiktok|social media)\b/giu,
    "checking phone"],
  // Debt put in one's name, as domestic abuse's words have it (seed 004, economic abuse):
  // "he took out loans in my name" listed the Modern Slavery line first (its "your name").
  [/\bin (?:my|her|our) names?\b/giu, "debt"],
  // No papers, as an immigration status held over someone (domestic abuse's words): "i
  // don't have papers" found only the line for protection orders.
  [/\b(?:no|(?:do ?n'?t|do not) have(?: any)?|have ?n'?t got(?: any)?|without(?: any)?) (?:papers|documents)\b|\bundocumented\b/giu,
    "immigration"],
  // Papers taken, with work one is made to do or is not paid for: signs of modern slavery
  // (Knowsley Council, sources.yaml), a word of trafficking's kind. "they took my passport
  // and make me work" listed the lines for forced marriage first.
  [new RegExp(`${PAPERS_TAKEN}(?=.*(?:${MADE_TO}work\\b|\\bwork(?:ing)? for (?:no|little|nothing`
    + "|free)\\b))", "giu"), "exploitation"],
  // Threats to report someone to immigration, as abusers threaten deportation (ITV News,
  // sources.yaml): "my partner threatens to report me to immigration" listed the police and
  // Crimestoppers first, by "report", as if the words asked to report a crime.
  // So are threats to have someone sent back to their country ("he threatens to send me back
  // home" listed the Revenge Porn Helpline fourth, by "threatens" and "send").
  [/\b(?:report(?:s|ed|ing)?|tell(?:s|ing)?|told) (?:me|us|her) to (?:the )?(?:immigration|home office)\b|(?<=(?:\bthreat\w* to|\bwill|'ll|\bgoing to|\bgonna|\bwants? to) )(?:send|ship|get|have) (?:me|us|her) (?:deported|back (?:home|to (?:my|her|our|the) (?:country|village)))\b|\b(?:call(?:s|ed|ing)?|ring(?:s|ing)?|tell(?:s|ing)?|told) (?:the )?(?:immigration|home office) (?:on|about) (?:me|us|her)\b/giu,
    "immigration"],
  // Papers taken by the one someone works for, as papers kept from someone forced to work
  // (Knowsley Council, sources.yaml): "my boss took my passport" listed the domestic abuse
  // lines first, and not the Modern Slavery line.
  [new RegExp(`(?<=\\b(?:boss|manager|supervisor|employer|agent|agency)\\b.*)${PAPERS_TAKEN}`,
    "giu"), "exploitation"],
  // Papers taken, hidden or destroyed, as the Domestic Abuse Commissioner found abusers do
  // (ITV News, sources.yaml): "he took my passport" listed only the lines for forced marriage
  // (their passports taken abroad), which still come first when a parent or family took it,
  // or "they" did.
  [new RegExp("(?<!\\b(?:they|dad|father|mum|mom|mother|parents?|family|uncle|aunt|brothers?|in-laws?)"
    + ` )${PAPERS_TAKEN}`, "giu"), "immigration"],
  // Running away and escaping, as leaving: "i want to run away" listed the Forced Marriage
  // Unit first (by its "run by"), and "i want to escape" found nothing ("i escaped him" too).
  [/\b(?:run(?:ning)? ?away|ran away|escap(?:e|ed|ing))\b/giu, "leave"],
  // So is getting away or out, said of oneself: "i can't get away" listed the line for
  // protection orders, the advice about social workers, the service for sex workers and a
  // council officer for allegations against staff (their "get" and "away"). Not "he got
  // out" (of prison, below).
  [/(?<=\b(?:i|we|me|us)\b.*)\bget(?:ting)? (?:away|out)\b(?! of (?:prison|jail)\b)/giu, "leave"],
  // "away" says nothing of the help wanted but beside keeping someone away (a protection
  // order's): "he took my phone away" listed the line for protection orders first (its
  // "keep them away").
  [/(?<!\b(?:keep|keeps|kept|keeping|stay|stays|stayed|staying)(?: [\w']+){0,2} )\baway\b/giu, " "],
  // Forced labour, a word of trafficking's kind (British Transport Police, sources.yaml):
  // work one is made to do, or work with no pay ("Forced or intimidated to work, with low or
  // no pay", Merseyside Police, sources.yaml). "i work but i'm not paid" and "my boss
  // doesn't pay me" listed the lines for domestic abuse.
  [new RegExp(`${MADE_TO}work\\b|\\b(?:work(?:s|ed|ing)?|job)\\b(?: [\\w']+){0,4}? (?:(?:for )?no`
    + " pay|unpaid|without (?:any )?pay|for (?:free|nothing|no money)|(?:not|never|\\w+n't)"
    + " (?:being |get |getting )?paid)\\b|\\b(?:boss|employer)\\b(?: [\\w']+){0,3}? (?:doesn'?t|does"
    + " not|won'?t|will not|never|hasn'?t|has not) (?:pay|paid|paying) (?:me|us)\\b", "giu"),
  "forced labour"],
  // Drugs someone is made to sell or carry, criminal exploitation ("county lines": Ask the
  // Police, sources.yaml): "he's making me sell drugs" listed the Forced Marriage Unit first.
  [new RegExp(`${MADE_TO}(?:sell(?:ing)?|deal(?:ing)?|carry(?:ing)?|mov(?:e|ing)|hold(?:ing)?`
    + "|hid(?:e|ing)|run(?:ning)?) drugs\\b", "giu"), "exploitation"],
  // A home taken over to deal drugs from, "cuckooing" (Ask the Police, sources.yaml):
  // "someone is using my flat to sell drugs" found nothing.
  [/\b(?:us(?:e|es|ed|ing)|tak(?:e|es|en|ing) over|took over|stay(?:s|ed|ing)? in) (?:my|our|her|his) (?:flat|home|house|place|room)\b(?= (?:to|for) (?:sell|selling|deal|dealing|store|storing|hide|hiding|keep|keeping)? ?drugs\b)|\bcuckoo(?:ed|ing)?\b/giu,
    "cuckooing"],
  // Drugs or drink someone is made to take, as domestic abuse's words have it: "pressuring
  // you to use drugs or other substances" (Shouting Back, after Women's Aid, sources.yaml).
  // "he makes me take drugs" listed the Forced Marriage Unit first, by "makes".
  [new RegExp(`(?:${MADE_TO}|\\bpressur(?:e|es|ed|ing)(?: me| her)? (?:to |into )?)(?:take|taking|use`
    + "|using|drink|drinking|do|doing) (?:drugs|alcohol|drink|substances|pills|cocaine|heroin"
    + "|weed|spice)\\b", "giu"), "controlling"],
  // Help in another language: the services that say they have interpreters (seed 004: "the
  // use of interpreters where someone's first language is not English"); "i don't speak
  // english" found a help page for professionals.
  [/\b(?:(?:do ?n'?t|do not|can'?t|cannot|can not) speak|no|little|bad|not much) english\b|\benglish is not my (?:first )?language\b|\bmy english is (?:not (?:very )?good|bad|poor|limited)\b/giu,
    "interpreter"],
  // Calling unseen, as the helplines' word for it (its phone's own record of a call is on
  // the help page about staying safe online): "can i call without him knowing" listed
  // Crimestoppers and Clare's Law, by "without" and "knowing", and no helpline.
  [new RegExp(`\\bwithout (?:(?:my |the )?${PARTNER}|him|them|anyone|anybody|(?:my |the )?family`
    + ")(?: knowing| finding out| seeing| noticing| hearing| know| find out)\\b|\\b(?:call|ring|phone"
    + "|contact|text|talk to|speak to)(?: \\w+){0,2} (?:secretly|in secret)\\b|\\bsecretly (?:call|ring"
    + "|phone|contact|text|talk|speak)\\w*", "giu"), "confidential"],
  // Found, as tracking has it: "he knows where i live" listed the Modern Slavery &
  // Exploitation Helpline first, by "know" in its text.
  // "he knows my new address" listed it first too; "i moved and he found me" Childline, the
  // Havens and a risk meeting.
  [new RegExp(`(?<=\\b${THEY}(?: has| have|'s|'ve)? )(?:found|tracked down|traced`
    + "|tracked) (?:me|us)(?= again\\b| here\\b| now\\b|\\s*$|\\s*[.,!?])|\\b(?:knows|know|knew|found out"
    + "|find out|finds out|will find|found|find|finds) where i (?:live|am|stay|work|go)\\b|\\b(?:knows"
    + "|knew|found out|has|got|found|finds|tracked down|traced) (?:my|our) (?:new )?(?:address"
    + "|location|whereabouts)\\b", "giu"), "location"],
  // Sex work, as someone may say they do it: National Ugly Mugs serves sex workers of all
  // "modes of work" (sources.yaml); "i'm an escort" found nothing.
  [/\b(?:i'?m|i am|i work as|work as|working as) (?:an? )?(?:escort|prostitute|working girl|stripper|cam girl|webcam model)\b|\bi (?:do|did) (?:escorting|sex work)\b|\bi (?:work|worked|am working|'m working) (?:in|at) (?:a|the) (?:brothel|massage parlou?r)\b/giu,
    "sex worker"],
  // Mugging is robbery (its kind's word): "i was mugged" listed National Ugly Mugs first,
  // by its name's "Mugs".
  [/\bmugg(?:ed|ing)\b/giu, "robbed"],
  // Who knows of it says nothing of the help wanted: "he hits me and nobody knows" found
  // Clare's Law alone, by its "know" (asking about a partner's past), as did "my boss knows".
  [/\b(?:nobody|no ?one|no-one|anyone|everyone|someone|(?:my|his|her|our) \w+) (?:knows|knew)\b/giu,
    " "],
  // Asking whether one is in danger, as domestic abuse's "worried" (its services and lines
  // help to judge the risk): "am i in danger" listed the police, Crimestoppers and Clare's
  // Law first, and the 24-hour line after them. The page still says how to call 999
  // (danger reads what was typed). "I'm in danger" asks for the police.
  [/\b(?:am i|could i be|might i be|will i be) in danger\b|\bis (?:he|she|my \w+) dangerous\b/giu,
    "worried"],
  // Nowhere to sleep, as the words of finding a safe place have it ("homeless"): "i am
  // sleeping in my car" found only help pages.
  [/\bsleeping (?:in (?:my|a|the) car|rough|on the streets?|on (?:a|my) friends?'?s? (?:sofa|couch|floor))\b|\bsofa ?surfing\b/giu,
    "homeless"],
  // A concern about a child, reported or not, as the line for it says it ("worried about a
  // child"): "report a concern about a child" listed the police and Crimestoppers alone.
  [/\b(?:report(?:ing)? )?(?:a |my |some |our )?concerns? (?:about|for|over) (?:a|my|the|this|that|our|their|his|her)(?: [\w']+)? (?:child|children|kid|kids|baby|girl|boy)\b/giu,
    "worried about a child"],
  // Older people, in domestic abuse's word for them: "older people" listed Childline first,
  // by its "young people".
  [/\bolder (?:people|persons?|adults?)\b/giu, "elderly"],
  // A stranger, someone at work, or a public place, beside an attack, as a crime's words,
  // not domestic abuse's: "a stranger attacked me", "i was attacked in the street" and "my
  // boss hits me" listed the lines for domestic abuse before Victim Support, which helps
  // after any crime. Not beside being followed, which is the stalking line's, nor rape, the
  // lines for it.
  [new RegExp(`(?:${OUTSIDER})(?=.*\\b${ATTACKED})|(?<=\\b${ATTACKED}\\b.*)(?:${OUTSIDER})`, "giu"),
    "crime"],
  // A benefit by its name, as domestic abuse's words for money have it: "universal credit"
  // found Samaritans alone (its "no credit" on a phone).
  [/\buniversal credit\b|\bpip\b|\besa\b|\bchild benefit\b/giu, "benefits"],
  // A tracker by its maker's name (domestic abuse's "tracker"): "airtag" found nothing.
  [/\bair ?tags?\b/giu, "tracker"],
  // Cameras and recording devices hidden to watch someone, as abusers misuse them to keep
  // tabs on a partner (WomensLaw, sources.yaml), domestic abuse's "spying": "hidden camera"
  // found nothing, "he put a camera in my room" the Police alone.
  [/\b(?:(?:i )?(?:found|find|discovered) (?:a |an |some )?)?(?:(?:hidden|secret|spy) cameras?|cameras? (?:in|on|around) (?:my|the|our) (?:room|bedroom|bathroom|house|home|flat|car)|(?:hidden |secret )?(?:recording|listening) devices?)\b/giu,
    "spying"],
  // A wheelchair user, or someone blind or autistic, as domestic abuse's words for
  // disability have it: "wheelchair", "i am blind" and "autism" found nothing.
  [/\bwheel ?chairs?\b|\bblind\b|\bautis(?:m|tic)\b/giu, "disability"],
  // Dowry demanded, as the domestic abuse it is ("Is dowry-related abuse domestic abuse?
  // Yes": Tower Hamlets Council, sources.yaml): "dowry" found nothing.
  [/\bdowry\b/giu, "domestic abuse"],
  // Spiking, as the police ask it to be reported ("If you have just been spiked, call 999
  // ... If it happened in the past, you can call the police on 101": Southwark Council,
  // sources.yaml), and as the crime it is ("Spiking is a serious crime": Victim Support,
  // sources.yaml): "i was drugged" found nothing, and "my drink was spiked" the lines for
  // domestic abuse; read as the police alone, it listed after Victim Support and the Havens
  // the services whose text has "police" (for protection orders, FGM, images, a dog). With
  // rape or sexual assault said too, the spiking is left out and those words find the sexual
  // assault referral centre first, which can take the same tests (North Wales Police,
  // sources.yaml). A "date rape drug" is spiking, not rape said ("i was given a date rape
  // drug" listed Crimestoppers first, by "given").
  [new RegExp(`${SPIKED}(?=.*${SEXUAL})|(?<=${SEXUAL}.*)${SPIKED}`, "giu"), " "],
  [new RegExp("\\b(?:(?:given|gave (?:me|her)|slipped (?:me|her)) (?:a |some )?)?date[\\s-]+rape"
    + `\\s+drugs?\\b|${SPIKED}`, "giu"), "police crime"],
  // The morning after pill, as the Havens name it (emergency contraception): "i need a
  // morning after pill" found Victim Support first. Read as the one word: "emergency
  // contraception" listed the foster care for dogs second, by its "emergency accommodation".
  [/\b(?:morning[\s-]+after(?:[\s-]+pills?)?|emergency contraception)\b/giu, "contraception"],
  // A condom removed without consent ("stealthing") is sexual abuse (University of St
  // Andrews, sources.yaml): "stealthing" found nothing, and "he removed the condom" Childline
  // and the Revenge Porn Helpline ("... without asking", Clare's Law, by its "asking").
  [/\bstealth(?:ing|ed)\b|\b(?:removed|took off|take off|takes off|taking off|pulled off) (?:the |a |his )?condom\b/giu,
    "sexually assaulted"],
  // Pregnancy or an abortion forced on someone, as domestic abuse's words have it: "Forcing
  // someone to become pregnant" and "Pressuring or forcing someone to terminate a
  // pregnancy" are controlling behaviour (Safeline, sources.yaml). "he forced me to get
  // pregnant" listed the Forced Marriage Unit and Karma Nirvana second and third, by "forced".
  [new RegExp("\\b(?:forc(?:e|es|ed|ing)|pressur(?:e|es|ed|ing|ises|ised)|mak(?:e|es|ing)|made"
    + "|push(?:es|ed|ing)?) (?:me|her) (?:to |into )?(?:(?:get(?:ting)?|becom(?:e|ing)|be(?:ing)?)"
    + " pregnant|(?:hav(?:e|ing)|get(?:ting)?) an? (?:abortion|termination)|terminate)\\b", "giu"),
  "controlling pregnancy"],
  // A condom refused, as contraception is controlled in reproductive coercion (Safeline,
  // sources.yaml): "he won't use a condom" found nothing.
  [new RegExp(`\\b(?:${NOT}|refus(?:e|es|ed|ing) to) (?:use|wear|put on) (?:a |any )?condoms?\\b`,
    "giu"), "controlling pregnancy"],
  // Being filmed or photographed without consent, as intimate image abuse ("Filming or
  // photographing someone during private moments without their consent is another form of
  // intimate image abuse": Aurora New Dawn, sources.yaml), in the words of the line for it
  // (not its "videos": a children's programme's "video call" came second): "he filmed me"
  // found nothing, and "he took pictures of me without consent" listed Crimestoppers first
  // (its "without saying who you are"). A recording only when said to be secret or
  // unwanted: "he recorded me" may be of an argument.
  [new RegExp(`\\b(?:(?:secretly|covertly) )?(?:filmed|films|filming|videoed|videoing|photographed`
    + "|photographing|(?:took|taken|takes?|taking) (?:\\w+ )?(?:pictures?|photos?|pics?|videos?"
    + `|images?|footage) of) (?:me|her|us)\\b(?: ${UNWANTED})?|\\b(?:secretly|covertly) (?:recorded`
    + `|records|recording) (?:me|her|us)\\b(?: ${UNWANTED})?|\\b(?:recorded|records|recording)`
    + ` (?:me|her|us) ${UNWANTED}`, "giu"), "intimate images nudes"],
  // A student one teaches, as a pupil (the word of children's help), before a disclosure is
  // read (below): "one of my students confided in me" found nothing, no page having
  // "students". Not one's own studies ("i'm a student", "my student loan").
  [/\b((?:my|our|one of my|one of our) )students\b|\b((?:a|one|this|that|my|our) )student(?= (?:has |have )?(?:told|tells|disclosed|discloses|confided)\b)/giu,
    (_, many, one) => (many ? `${many}pupils` : `${one}pupil`)],
  // A child who disclosed, as one who told: "a child disclosed abuse" listed the line for
  // adults' own rape and sexual abuse first, where "a child told me about abuse" lists the
  // NSPCC's line for anyone worried about a child (ANOTHERS_CHILD).
  [new RegExp(`\\b((?:a|one|this|that|my|our|one of (?:my|our)) (?:${YOUNG}|pupils?)`
    + " (?:has |have )?)(?:disclosed|discloses|confided)(?: (?:in|to))?(?: (?:me|us))?", "giu"),
  "$1told me about"],
  // Made, pressured or asked to send images of oneself, as intimate image abuse within
  // domestic abuse ("you may have been coerced into it": Jewish Women's Aid, sources.yaml):
  // "he makes me send pics" listed the FGM and forced marriage lines third and fifth, and
  // "im 13 and someone online wants pics" the Forced Marriage Unit third (its "wants").
  [new RegExp(`(?:(?:${MADE_TO}|\\b(?:${ASKS}) (?:me|her) (?:to |into )?)(?:send|sending|take`
    + `|taking)(?: (?:him|her|them))? |\\b(?:${ASKS}) (?:me |her )?(?:for )?)${IMAGES}\\b`
    + "(?! of (?!me\\b|myself\\b|herself\\b))", "giu"),
  "intimate images nudes controlling"],
  // Images of oneself posted, sent or shown to others, or threatened to be, as the line for
  // images "shared without their consent, or when someone is threatening to do this" has it
  // (SWGfL, sources.yaml), as shared; the threat, to whom and where say nothing of the help
  // wanted. "my ex posted my nudes" listed the line fifth, after the lines for domestic abuse
  // (by "ex"), and "my ex is threatening to post my pictures" fourth; "he sent my nudes to
  // my family" Childline and two services for families first, and "he posted pictures of me
  // on facebook" the LGBT+ line. Not images sent to oneself ("he sent me pics"), nor taken
  // or asked for (above).
  [new RegExp("(?:\\b(?:(?:threat(?:en|ens|ened|ening)?|(?:is|'s|are|'re) going|wants?) to "
    + "|(?:will|'ll|would|'d|gonna|could|might) )?"
    + `(?:post(?:s|ed|ing)?|upload(?:s|ed|ing)?|leak(?:s|ed|ing)?|sen(?:d|ds|t|ding)`
    + `|show(?:s|ed|n|ing)?|spread(?:s|ing)?|shar(?:e|es|ed|ing)|forward(?:s|ed|ing)?`
    + `|publish(?:es|ed|ing)?|put(?:s|ting)?(?=${OF_ONESELF} (?:up )?(?:online|on)\\b))${OF_ONESELF}`
    + `|\\b(?:my|our|her) ${IMAGES} (?:got|were|was|have been|has been|are being|is being)`
    + " (?:posted|uploaded|leaked|sent|shown|spread|shared|forwarded|published|put)\\b)"
    // To whom, and where.
    + "(?: up)?(?: (?:to|with) (?:all (?:of )?)?(?:every(?:one|body)|people|(?:my|his|her|their"
    + "|our|the) [\\w']+))?(?: (?:online|on (?:the |a |his |her |their )?(?:internet|web"
    + "|websites?|sites?|porn ?(?:sites?|hub)|onlyfans|social media|facebook|fb|instagram|insta"
    + "|snapchat|snap|tiktok|twitter|x|whatsapp|telegram|reddit|group ?chats?)))?\\b", "giu"),
  // As "shared", the images said ("he'll share ...": "he" kept apart).
  (said) => ` shared ${said.match(IMAGE)[0]}`],
  // Without consent says nothing of the help wanted beyond what goes with it ("he shared my
  // nudes", "he had sex with me", "he took off the condom"): its "without" listed
  // Crimestoppers ("without saying who you are") first.
  [new RegExp(WITHOUT, "giu"), " "],
  // Covering one's tracks online, in the words of the help page on it ("browsing"): "how do
  // i delete my browsing history" found Clare's Law first, by a partner's "history".
  [/\b(?:(?:browsing|browser|search|internet|web|google|chrome|safari) history|(?:delete|deleting|clear|clearing|hide|hiding|wipe|wiping|erase|erasing|remove|removing) (?:my |the |your )?(?:history|searches|cookies))\b/giu,
    "browsing"],
  // Someone else's past violence, as Clare's Law is asked about ("a partner's past", its
  // kind): "can i find out if my partner has a history of violence" listed 30 services and
  // Clare's Law after them. Not one's own ("i have a history of abuse"), nor a record made.
  [/(?<!\b(?:i|i've|ive)\s+)\b(?:has|had|have|with|about|his|her|their)\s+(?:a\s+)?(?:history|record|past)\s+of\s+(?:domestic\s+)?(?:violence|abuse|being (?:violent|abusive)|hurting|hitting)\b|\b(?:criminal|police)\s+(?:record|history)\b|\b(?:violent|abusive)\s+past\b/giu,
    "clare's law"],
  // Sexual harassment in public by its everyday names (National Rail's Zero Tolerance
  // campaign, sources.yaml: flashing, catcalling and wolf-whistling, cyberflashing,
  // frottage, upskirting): "catcalling" and "upskirting" found nothing, and "a man flashed
  // me" only help pages.
  [/\b(?:cat[\s-]?call(?:s|ed|ing)?|wolf[\s-]?whistl(?:e|es|ed|ing)|up[\s-]?skirt(?:s|ed|ing)?|(?:cyber[\s-]?)?flash(?:ed|es|ing|er|ers)|frottage|exposed (?:himself|herself|themselves)|(?:indecent|indecently) expos(?:ure|ed))\b/giu,
    "sexual harassment"],
  // Touching by a relative or a teacher, as a child says abuse (the children's kind has
  // those words and "abuse"): "my uncle touched me" listed the support line for those aged
  // 16 and over first, and the lines for children after it. Touching, said alone, stays
  // sexual violence's word.
  [/(?<=\b(?:uncle|aunt|auntie|teacher|stepdad|stepmum|stepparent|grandad|granddad|grandpa|grandma|nan|cousin|brother)'?s?\s+)(?:touched|touches|touching|touch)\b/giu,
    "abuse"],
  // Rape or sexual assault in the last few days, as medical care (the Havens: a forensic
  // medical examination "as soon as possible after the assault, usually within 7 days", and
  // emergency contraception): "i was raped last night" listed the support line for any time
  // first, which points people to such centres (an MP on its launch, sources.yaml).
  [new RegExp(`${RECENT}(?=.*${SEXUAL})|(?<=${SEXUAL}.*)${RECENT}`, "giu"), "medical"],
  // When help is wanted ("at 3am", "on a sunday", "at christmas"): the residents' order
  // answers it, the lines open 24 hours first, each saying whether it is open now. As
  // words, "who can i call at 3am" found Karma Nirvana and a local service first, "weekend"
  // a risk meeting for professionals, and "sunday" or "christmas" nothing. Not an age ("i am
  // 14 am i too young").
  [/\b(?:(?<!\b(?:i'?m|i am|aged?) )\d{1,2}(?:[:.]\d{2})? ?[ap]\.?m\.?|midnight|middle of the night|overnight|night ?time|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|christmas(?: day| eve)?|boxing day|bank holidays?|new year'?s?(?: eve| day)?|easter)(?=\W|$)/giu,
    " "],
  // An order or bail broken is the police's to act on (NCDV's listing: "If they break the
  // order, the police can arrest them"): "he breached his bail" found nothing.
  [/\b(?:breach(?:ed|es|ing)?|broke|broken|breaks|breaking) (?:his |her |their |the |a |my )?(?:bail(?: conditions)?|(?:non[\s-]?molestation |restraining |protection |occupation )?order|injunction)\b/giu,
    "police arrest"],
  // A non-molestation order, one of the protection orders (NCDV's listing): "how do i get a
  // non molestation order" listed the lines for rape and sexual assault second and third, by
  // sexual violence's "molested".
  [/\bnon[\s-]?molestation(?: orders?)?\b/giu, "protection order"],
];
// Words that say the police are not wanted, or have failed ("I don't want to go to the
// police", "too scared to report him", "the police did nothing", "I don't trust the police",
// "complain about the police": each listed the Police first), or are someone's work
// ("my husband is a police officer and hits me", which listed the Police, Clare's Law and
// Crimestoppers first, and no line for domestic abuse): left out, so that they do not ask
// for the ways to go to the police (asksToReport), which once came first for them.
const NOT_POLICE = new RegExp(["\\b(?:don'?t|do not|doesn'?t|didn'?t|won'?t|wont|will not|not"
  + "|never|no|without|rather not|(?:scared|afraid|frightened) (?:of|to))(?: (?:want|wanna|like"
  + "|need|have|going)(?: to)?)?(?: (?:go|call|ring|phone|tell|involve|involving|contact|get"
  + "|speak|talk|press|trust)(?: (?:to|with|in))?)?(?: the| any)? (?:police|cops?|charges"
  + "|report(?:ing)?(?: (?:it|him|her|them|this))?)\\b",
"\\b(?:complain(?:t|ts|ing|ed)?|make a complaint) (?:about|against) (?:the )?(?:police|cops?)\\b",
// Reported before, to no end: "i reported it and nothing happened" listed the Police and
// Crimestoppers alone.
"\\b(?:i|we)(?: (?:already|have|had)|'ve)? reported (?:it|him|her|them|this)(?: to (?:the )?police)?,?"
  + " (?:and|but) (?:nothing(?: (?:happened|has happened|was done|has been done|changed|has changed))?"
  + "|(?:no ?one|nobody) (?:helped|did anything|cared)|(?:they|the police|police) (?:did(?:n'?t| not)?"
  + "|have(?:n'?t| not)?|never|wo(?:n'?t|nt)|would(?:n'?t| not)) (?:nothing|anything|help(?:ed)?"
  + "|do anything|did anything))\\b",
"\\bpolice (?:(?:did|do|does|have|has|had|would|will|are|were) )?(?:nothing|not|never|no"
  + "|won'?t|wont|didn'?t|don'?t|doesn'?t|can'?t|cannot|aren'?t|weren'?t|refused)\\b",
"\\b(?:is|was|'s|are|were) (?:an? )?(?:serving |former |retired )?(?:police ?(?:officer|man"
  + "|woman|constable|sergeant|detective)|cop|copper)\\b"
  + "|\\b(?:works?|worked|working) (?:for|in) the police\\b"]
  .join("|"), "i");
// A parent, by what they call themselves: a gender and an adult's ("i'm a dad and my partner
// hits me" listed the Men's Advice Line second); not alone ("dad", a child's word).
const PARENTHOOD = "(?:dad|daddy|father|mum|mom|mam|mummy|mother)";
const A_PARENT = new RegExp(`^${PARENTHOOD}$`, "i");  // the whole gender word
// A gender someone gives of themselves ("I'm a man", "as a woman", "I am non-binary"), or
// words that are only that ("man", "older woman"), or help asked for a group ("help for
// men"); not "a man is following me", the abuser's. A word between ("I'm a Muslim woman",
// "a disabled man") is the `kind`, kept as a word to search by if a page has it (known):
// "i'm a muslim woman" found one help page, and no service, as no gender was read in it.
// "older" or "old" is an adult's, as a parent's words are (read).
const GENDER = new RegExp("(?:\\b(?:i'?m|i\\s+am|as)\\s+|^\\s*(?=(?:an?\\s+)?(?:(?:young|older|old)"
  + `\\s+)?(?!${PARENTHOOD}\\b)\\S+\\s*$)|\\bfor\\s+(?=(?:men|women)\\b))`
  + "(?:an?\\s+(?:(?<kind>(?!(?:young|older|old)\\b)[a-z'-]+)\\s+)?)?"
  + "(?:(?:young|(?<older>older|old))\\s+)?(?<gender>man|male|guy|boy|lad|woman|female|girl|lady"
  + `|men|women|non-?binary|enby|${PARENTHOOD})\\b`, "i");
const GENDERS = { man: "men", male: "men", guy: "men", boy: "men", lad: "men", men: "men",
  dad: "men", daddy: "men", father: "men", woman: "women", female: "women", girl: "women",
  lady: "women", women: "women", mum: "women", mom: "women", mam: "women", mummy: "women",
  mother: "women" };
// Someone worried about another person: a gender given is then the speaker's, not that of
// whoever needs the help. "i'm a man and i'm worried about my daughter" listed the Men's
// Advice Line first, and services for men before those for her.
const FOR_ANOTHER = new RegExp(`${WORRY} (?:my|our|a|an|this|that|the) (?:(?:little|older`
  + `|younger|big|best|teenage|teen|grown[- ]up|adult) )?(?:${CHILDREN}|sisters?|brothers?`
  + "|friends?|mum|mom|mother|dad|father|parents?|nieces?|nephews?|neighbou?rs?|cousins?"
  + "|pupils?|students?)\\b", "i");
// The commonest words, and those of text speak: left out of a sentence, as Pagefind reads each
// word as the start of one ("he hits me" found "men", the Men's Advice Line, and little else;
// "he is going to kill me" found "go to" in a programme for 11-18s and a police disclosure
// scheme; "ma husbnd beat me" found "male", the Men's Advice Line first; "he always hits me"
// found a local service first, whose text says to "always call the police" in an emergency;
// "who is open now" found a professionals' forum "open to" all who work in the borough;
// "anyone open at night" found help pages first, by "anyone"; "support" and "support for
// women" found a family charity first, and a review of deaths first among the help pages,
// as "help" would have; "i use a wheelchair" found a service first by its "use"; "who can i
// call" found Karma Nirvana and a local service before the 24-hour line, by their "call";
// "i think i was raped but i'm not sure" Karma Nirvana and NCDV, by their "not sure", and
// "i need a morning after pill" Victim Support, by its kind's "Support after a crime";
// "childline number" the Support Line before Childline, by its "number"; "historic abuse"
// Clare's Law alone, by a partner's "history", as "i have a history of abuse" did: when it
// happened, as "years ago" does, says nothing of the help wanted; a partner's history of
// violence is read as Clare's Law, in REWRITES); "help near se6" foster care for a dog
// alone, by its "near you", once the place was read; "he cries after hitting me" was read
// as "crimes hitting", as no page has "cries"; "i can't leave because of my dog" listed
// Shelter's line before foster care for a dog, by the "because" of its text; "i dont want to
// see him in court" Childline first, by the pictures its text says anyone can "see" online;
// "i cant leave without my kids" Crimestoppers and Clare's Law, by their "without".
const COMMON = new Set(("he me my ma is it in on at to of or an as be by do if so up us we am "
  + "no i the and for with about from that this have has had having was are were not but can "
  + "get got need want help some someone very just into out off too all any you your ur our "
  + "his her him she they them their what when where who how why i'm im it's its hes shes "
  + "theyre ive live living being been does did should would could will there then than "
  + "keeps keep says said tells told take takes taking took taken non go goes going gonna next "
  + "wanna let lets dont cant wont didnt doesnt isnt think know now towards toward against "
  + "please pls plz hlp quick quickly urgent urgently asap always never ever every really "
  + "again still much lot lots time times day days sometimes often gets getting over only open "
  + "anyone anybody somebody first night nights tonight today yesterday morning evening last "
  + "week weeks month months year years ago scheme schemes support use uses used using send "
  + "sends sent sending one call after sure unsure number numbers historic historical history near "
  + "cry cries cried crying because see sees seeing saw seen without wants wanted wanting")
  .split(" "));
const SAID = new RegExp("\\b(?:says|said|saying|told|tells|accus\\w*|calls|called|thinks|blames"
  + "|claims)\\b|\\b(?:they|people|everyone) (?:say|think|call|blame)\\b");

// The site's words a mistyped word is read as, and those that ask for a way to go to the
// police (signpost/spelling.py: SPELLING_URL; site.py: _report_words).
const SPELLING = "/assets/words.json";

// The reader, with the place finder's lookup if the project has one (src) and it loads,
// and the site's words; without either, places are searched as words, or no word is read
// as another nor asks for the police, and the next search tries again (search.js: whole).
// Both are fetched whole, whatever is searched.
export async function start(src) {
  const [index, words] = await Promise.all([src ? loadIndex(src).catch(() => null) : null,
    fetchWhole(SPELLING).catch(() => null)]);
  const { spelling = [], typed: pairs = [], everyday = [], report = [], languages = [],
    situations = {}, situations_first: leading = [] } = words || {};
  const language = inLanguage(languages);
  const spell = { words: spelling, typed: new Set([...pairs, ...pairs.map(([a, b]) => b + a)]),
    everyday: new Set(everyday) };
  return { read: (typed, chosen) => read(index, typed, chosen, language), ownBehaviour,
    question: (text) => QUESTION.test(plain(text)),
    asksToReport: (each) => asksToReport(report, each), telling, danger,
    situations: (each) => named(situations, each, leading),
    known: (pagefind, each, optional) => known(pagefind, each, spell, optional),
    whole: (!src || Boolean(index)) && Boolean(words) };
}

// Help asked for in another language, by its name ("help in polish", "i speak urdu", "bengali
// speaking", "a somali interpreter", or the name alone): "help in polish" found nothing, and
// "i speak polish" every service. Read as the name and the word of the services with
// interpreters (see REWRITES: "i don't speak english"), so that a service that gives the
// language among its own is found too; a name no page has is then left out (known). The
// names are ISO 639's and a few everyday ones, longest first (signpost/languages.py, in
// words.json); not a nationality ("i am polish").
function inLanguage(names) {
  if (!names.length) return null;
  const name = `(${names.map((one) => one.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
  const pattern = new RegExp(`\\b(?:in|speaks?|speaking|speaker of|language is)\\s+(?:only\\s+`
    + `|just\\s+)?${name}\\b|\\b${name}[\\s-]+(?:speaking|speakers?|interpreters?|language)\\b`
    + `|^\\s*${name}\\s*$`, "giu");
  return (words) => words.replace(pattern, (_, ...named) =>
    `${named.slice(0, 3).find(Boolean)} interpreter`);
}

// The words (lower case) a search can find something by, each once: not one letter, nor
// among the commonest words.
function telling(written) {
  return [...new Set(written)].filter((word) => word.length > 1 && !COMMON.has(word));
}

// The words (each, lower case) to search for: those that some page has, or that begin a
// word of one (a word being typed: "hitt"), and for a mistyped word the site's word it was
// meant to be ("violance": "violence"; meant). Pagefind searches a word no page has as the
// longest word of its index that the word begins with: "he hits me with a belt" found "be"
// and "being", in a programme for 11-18s and a police disclosure scheme, before the 24-hour
// line. Such a word is left out, as the commonest words are. A word found as itself, or its
// stem ("hits" as "hit"), is kept; otherwise the word the first page found (or a part of
// it: "non-binary") must begin as the typed word does, but for an ending ("beaten" finding
// "beating"), or share with it a start that is no word of the index. A word found where no
// word is shown, or whose page cannot be had (offline), is kept. A word meant as one of the
// commonest is left out as that word is ("suport" browses, as "support" does). Null when
// every word was left out but one that is no number nor meant as a common word: nothing can
// be found ("qwxzv"). A number no page has is left out as a common word is ("60" of "a
// woman over 60" found nothing), and so is an `optional` word no page has (read: "muslim"
// of "I'm a Muslim woman", who is then shown help for women), never read as another.
async function known(pagefind, each, spell, optional = []) {
  const kept = await Promise.all(each.map(async (word) => {
    if (await pagesWith(pagefind, word)) return word;
    if (optional.includes(word)) return null;  // never read as another ("black" as "back")
    const other = meant(word, spell);
    if (other && await pagesWith(pagefind, other)) return other;
    return await begun(pagefind, word) ? word : null;
  }));
  const found = [...new Set(kept.filter((word) => word && !COMMON.has(word)))];
  return found.length || kept.every((word, i) => COMMON.has(word) || /^\d+$/.test(each[i])
    || optional.includes(each[i])) ? found : null;
}

// Whether a word no page has begins a word of one (see known).
async function begun(pagefind, word) {
  const [first] = (await pagefind.search(word)).results;
  if (!first || !first.words.length) return Boolean(first);
  const data = await first.data().catch(() => null);
  if (!data) return true;
  const there = (data.content.split(/\s+/)[first.words[0]] || "").toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const same = Math.max(...there.map((part) => {
    let n = 0;
    while (n < word.length && part[n] === word[n]) n += 1;
    return n;
  }));
  if (same >= Math.min(word.length, Math.max(4, word.length - 3))) return true;
  // Less in common: kept if what it has in common is no word of the index, so that the
  // word was read as the start of a longer one ("rapped", as "rap", finding "rape").
  return same > 0 && !await pagesWith(pagefind, word.slice(0, same));
}

// The site's word a word no page has was meant to be: the one fewest edits away (a letter
// added, left out, swapped with the next, or changed for one typed for it: beside it on a
// keyboard or alike in sound, signpost/spelling.py: TYPED), up to one from five letters and
// two from nine; of those as near, the first in the site's list (spelling.py: the kinds of
// help's own words first, then the commonest). Not one with another first letter, nor one the
// word begins with, nor one two letters shorter. A word the site does not use is more often
// meant than mistyped: "anger" is not "danger", "party" not "part", "stabbing" not "stalking",
// "polite" not "police", "shoving" not "showing", "colleague" not "college". Nor is an
// everyday English word read as a listing's (spelling.py: everyday_words): "i'm a widow" was
// shown as results for "window", "i heard him" for "hard".
function meant(word, { words, typed, everyday }) {
  const most = everyday.has(word) ? 0 : word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
  const alike = (letter, other) => typed.has(letter + other);
  let best = most + 1, found = null;
  for (const other of most ? words : []) {
    const edits = other[0] !== word[0] || word.startsWith(other)
      || other.length < word.length - 1 ? best : distance(word, other, best - 1, alike);
    if (edits < best) [best, found] = [edits, other];
    if (best === 1) break;
  }
  return found;
}

// How many pages have the word itself or its stem: counted before a filter that no page
// passes, so that Pagefind ranks none of them (at 10,000 listings, 1-10 ms, not 70-130 ms).
async function pagesWith(pagefind, word) {
  return (await pagefind.search(`"${word}"`, { filters: { type: "none" } })).unfilteredResultCount;
}

// The words (each, lower case) that ask for a way to go to the police, if any: each is, or
// begins with, a word of their names or of the kinds of help only they give ("police",
// "reported", "Clare's"), none of another kind of help (signpost/site.py, _report_words).
function asksToReport(asking, each) {
  return each.filter((word) => asking.some((ask) => word === ask
    || (ask.length > 3 && word.startsWith(ask))));
}

// The kinds of help that say which particular situation a service is for (signpost/site.py:
// _situation_words): every one (all), and those the words name (named) by one of their
// words or phrases, word for word, a word of five letters or more also by one it begins
// but for its last letter, or that begins so ("married" names "marry", "passports"
// "passport"); and of those named, the ones whose services come first (first: site.yaml's
// `first_when_named`, the leading names).
function named(situations, each, leading = []) {
  const same = (word, kind) => {
    const [short, long] = word.length < kind.length ? [word, kind] : [kind, word];
    return word === kind || (short.length > 4 && long.startsWith(short.slice(0, -1)));
  };
  const says = (phrase) => each.some((_, i) => phrase.split(" ")
    .every((kind, k) => each[i + k] && same(each[i + k], kind)));
  const names = Object.keys(situations).filter((name) => situations[name].some(says));
  return { all: Object.keys(situations), named: names,
    first: names.filter((name) => leading.includes(name)) };
}

// Whether the words are someone's about their own behaviour, not what is said of them: a
// victim told they are the abuser ("he says I am controlling") is not offered help to change.
function ownBehaviour(text) {
  const words = plain(text);
  return OWN.test(words) && !SAID.test(words);
}

// For words that say someone is in danger now (DANGER), the way to call 999 to put above the
// results: the page's own emergency line (its header's), with a button to call; else null.
// Made with search.js's own makers (callSection, element), passed in.
function danger(text, { callSection, element }) {
  if (!DANGER.test(plain(text))) return null;
  const banner = document.querySelector(".app-emergency");
  const section = callSection(banner.getAttribute("aria-label"), "search-danger", []);
  const said = banner.querySelector("p").cloneNode(true);
  const number = said.querySelector("a");
  number.removeAttribute("class");  // the header's white on red
  const phone = element("a", "app-phone", `${TEXT.call} ${number.textContent}`);
  phone.href = number.href;
  const call = element("p", "app-card__call");
  call.append(phone);
  section.append(said, call);
  return section;
}

// Lower case, a typographic apostrophe as a plain one, each run of spaces as one.
function plain(text) {
  return text.toLowerCase().replace(/\u2019/g, "'").replace(/\s+/g, " ");
}

// The words left to search, the filters of what comes first, what the status says of
// them and the age and gender given, if any. An age or a gender given in the words, when
// none is chosen (chosen.age null, chosen.gender false), and a place named in them, when
// no borough is (chosen.borough ""), are left out of the words; what the search finds for
// that age and gender, or in that borough and nationally, then comes first. With a borough
// chosen, a place in it is left out of the words, any other kept as words. chosen: {age
// (the age chosen, or null), borough, gender, genders (the gender field's options), local
// (the boroughs with services based there), who (the filter for an age and gender),
// maxAge, adult (the youngest age no service only for the young serves)}.
function read(index, typed, chosen, language) {
  const first = {}, said = [];
  let words = REWRITES.reduce((text, [pattern, read]) => text.replace(pattern, read),
    typed.replace(/\u2019/g, "'"));
  const childNamed = NAMES_CHILD.test(plain(words));
  if (language) words = language(words);
  const cut = (match) => `${words.slice(0, match.index)} ${words.slice(match.index + match[0].length)}`.trim();
  const unwanted = NOT_POLICE.exec(words);
  if (unwanted) words = cut(unwanted);
  const age = chosen.age !== null ? null : AGE.exec(words) || OVER_UNDER.exec(words);
  // Over 60: 61; under 18: 17.
  const stated = age && Number(age[1])
    + (/^over/i.test(age[0]) ? 1 : /^under/i.test(age[0]) ? -1 : 0);
  const years = age && stated <= chosen.maxAge ? stated : null;
  if (years !== null) {
    words = cut(age);
    said.push(TEXT.search_age.replace("{age}", years));
  }
  words = words.replace(THEIRS, " ");
  const given = chosen.gender ? null : GENDER.exec(words);
  const value = given && (GENDERS[given.groups.gender.toLowerCase()] || "non-binary");
  const group = given && [...chosen.genders].find((one) => one.value === value);
  // The group, unless the words are about someone else (FOR_ANOTHER); its words are left
  // out either way.
  const option = group && !FOR_ANOTHER.test(words) ? group : null;
  // What a parent says they are ("single", "new") says nothing of the help wanted.
  const parenthood = given && A_PARENT.test(given.groups.gender);
  const kind = group && !parenthood && given.groups.kind;
  if (group) words = `${cut(given)} ${kind || ""}`;
  if (option) said.push(TEXT.search_group.replace("{group}", option.text.toLowerCase()));
  // A parent's words: what the child is left out, and with no age given or chosen, services
  // for adults first ("my teenage son is violent towards me" found services for 11 to 17s;
  // "worried about my child", Childline before the NSPCC's line for adults); so too for an
  // older man or woman ("older woman" found Childline second).
  const parent = PARENT.exec(words);
  if (parent && parent[1]) {
    const at = parent.index + parent[0].indexOf(parent[1]);
    words = words.slice(0, at) + words.slice(at + parent[1].length);
  }
  const older = given && (given.groups.older || parenthood);
  const grown = GROWN_UP.exec(words);
  if (grown) words = cut(grown);
  const agedParent = AGED_PARENT.test(words)
    || (PARENT_NAMED.test(words) && CARED_FOR.test(words));
  // An adult's parent, grandparent, aunt or uncle, as family: abuse by a relative is
  // domestic abuse from 16 (seed 004, the Domestic Abuse Act 2021). "i am 22 and my parents
  // hit me" listed first the NSPCC's line for adults worried about a child, help for
  // families with pre-school children and the place to report a worry about a child (by
  // "parents", a child's word); "my uncle abused me when i was little" the NSPCC's line and
  // the place to report a worry about a child.
  if (grown || agedParent || (years ?? chosen.age) >= chosen.adult) {
    words = words.replace(ONES_ELDER, "my family");
  }
  const othersChild = ANOTHERS_CHILD.test(words);
  // Whose child it is, once read, says nothing of the help: "my neighbour's child is always
  // crying" found only the Police and Crimestoppers, by the "neighbour" of their text, and
  // "my friend hits her son" the lines for adults' own abuse first, by their "friends". And
  // their son or daughter is a child, not the grown child whose abuse of a parent those
  // lines are for (site.yaml): "my neighbour hits his son" listed them first.
  if (othersChild) {
    words = words.replace(/\b(?:neighbou?r|friend)(?:'s|s'|s)?(?=\s)/giu, " ")
      .replace(/\b(?:(?:step|grand)-?)?(?:son|daughter)s?\b/giu, "child");
  }
  const adult = years === null && chosen.age === null
    && (parent || older || grown || agedParent || othersChild) ? chosen.adult : null;
  if (years !== null || adult !== null || option) {
    first.any = chosen.who(years ?? adult, option && option.value);
  }
  if (adult !== null && !option) said.push(TEXT.search_adults);  // else the group's is said
  // What someone does for work is left out of the words either way: it says nothing of the
  // help wanted ("i'm a teacher and i'm scared of my partner" found services for children).
  const work = PROFESSIONAL.exec(words);
  if (work) words = cut(work).replace(/^\W*(?:and|but)?\b/i, "");
  const professional = work && adult === null && !HARMED_ONESELF.test(words);
  if (professional) {
    first.audience = "professionals";
    said.push(TEXT.search_professionals);
  }
  const written = words.match(/[\p{L}\p{N}'-]+/gu);
  const runs = index && written ? placesNamed(index, written) : [];
  const boroughs = (place) => place.ids.map((id) => index.data.boroughs[id][1]);
  const named = runs.filter((run) => run.place && (!chosen.borough
    || boroughs(run.place).includes(chosen.borough)));
  if (named.length) {
    words = runs.filter((run) => !named.includes(run)).flatMap((run) => run.words).join(" ");
  }
  if (named.length && !chosen.borough) {
    said.unshift(...named.map(({ place }) => {
      const where = boroughs(place), none = !where.some((name) => chosen.local.has(name));
      const text = !where.length ? TEXT.search_outside : place.borough
        ? (none ? TEXT.search_none_in : TEXT.search_in)
        : (none ? TEXT.search_place_none : TEXT.search_place_in);
      return text.replace("{place}", place.name).replace("{boroughs}", listed(where));
    }));
    first.borough = { any: [...new Set(named.flatMap((run) => boroughs(run.place))), "National"] };
  }
  // Each run of spaces that a reading or a cut left as one, none at the ends: Pagefind found
  // nothing for "sex  " ("sex without consent", one word left with the spaces of two).
  return { words: words.replace(/\s+/g, " ").trim(), first: Object.keys(first).length ? first : null,
    said: said.join(" "), age: years, gender: option ? option.value : "",
    optional: kind ? [kind.toLowerCase()] : [],
    help: professional && !words.trim() ? "professionals" : "",  // the help pages to list
    child: years === null && adult === null && !grown && CHILDS_LIFE.test(plain(typed)),
    childNamed, othersChild };
}

// "Brent, Camden and Westminster".
function listed(names) {
  return names.length < 2 ? names.join("")
    : `${names.slice(0, -1).join(", ")} ${TEXT.and} ${names[names.length - 1]}`;
}
