"""clean_plaintext on page layouts of many kinds of news sites, saved as plain text.

Every page below was written for this file: the events, people and quotes are invented, and
no text is copied from a real page (wire agencies and a few real outlets are named only where
a layout prints its source's name). What is modelled is the *layout*: how wire copy,
broadcasters, regional outlets, aggregators and blogs look once a scraper has flattened them
to text (menus, bylines, date lines in many formats, share rows, captions and credits,
teasers inside the body, comment boxes, footers). Each case asserts what a reader would call
the page's title, its printed publication date, and where the report starts and ends.
"""

# The pages are laid out as scraped text is: one paragraph per long line.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from wirewatch.ingest.plaintext import FurnitureRules, clean_plaintext


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    title: str | None
    published: str | None  # the printed publication date, ISO, date part only
    starts: str
    ends: str
    #: Strings that must not be in the body (furniture inside or around it).
    absent: tuple[str, ...] = ()
    #: Strings that must stay in the body (short paragraphs that look like furniture).
    present: tuple[str, ...] = ()


PAGES: list[Page] = []


def page(
    *,
    name: str,
    text: str,
    title: str | None,
    published: str | None,
    starts: str,
    ends: str,
    absent: tuple[str, ...] = (),
    present: tuple[str, ...] = (),
) -> None:
    PAGES.append(Page(name, text, title, published, starts, ends, absent, present))


# --------------------------------------------------------------------------------------------
# International wires
# --------------------------------------------------------------------------------------------

page(
    name="reuters_world_page",
    text="""Skip to main content
Exclusive news, data and analytics for financial market professionals
World
Business
Markets
Sustainability
Legal
Breakingviews
Technology
Investigations
More
My News
Sign In
Register

Middle East
Rockets target base hosting US troops in western Iraq, no casualties - sources
By Layla Haddad and Tom Brennan
February 2, 20248:32 PM GMT+3Updated 2 hours ago

Share

Save

Smoke rises from a hangar at an air base in Anbar province, Iraq, February 2, 2024. REUTERS/Karim Saleh/File Photo Purchase Licensing Rights, opens new tab
BAGHDAD, Feb 2 (Reuters) - At least three rockets were fired at an air base hosting U.S. troops in Iraq's western Anbar province on Friday, two Iraqi security sources said, the latest in a string of attacks claimed by Iran-aligned armed groups.
There were no immediate reports of casualties or damage, one of the sources said, adding that the base's air defences had intercepted at least one of the rockets.
Sign up here.
The Islamic Resistance in Iraq, an umbrella term for several Iran-backed factions, said in a statement on Telegram that it had targeted the base with "appropriate weapons".
A U.S. defense official, speaking on condition of anonymity, confirmed an attack had taken place and said an assessment was under way.
"We will respond," he said.
Washington has about 2,500 troops in Iraq on a mission to advise local forces, a presence that the government in Baghdad has said it wants to end.
Reporting by Layla Haddad in Baghdad and Tom Brennan in Washington; Editing by Mark Ellis and Sara Quinn
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Suggested Topics:
Middle East
Layla Haddad
Thomson Reuters
Layla Haddad covers Iraq and the wider region from Baghdad.
Read Next
Iraqi Kurdish region's oil exports stay frozen as talks drag on
""",
    title="Rockets target base hosting US troops in western Iraq, no casualties - sources",
    published="2024-02-02",
    starts="BAGHDAD, Feb 2 (Reuters) - At least three rockets",
    ends="the government in Baghdad has said it wants to end.",
    absent=("Sign up here", "Reporting by", "REUTERS/Karim", "Our Standards"),
    present=('"We will respond," he said.',),
)

page(
    name="ap_news_page",
    text="""AP logo
Menu
World
U.S.
Politics
Sports
Entertainment
Business
Science
Fact Check
Oddities
Be Well
Newsletters
Photography
Search

Drone strike on Syrian base wounds 4 US service members, officials say
BY DANIEL MORROW AND RANA SAYEGH
Updated 9:14 PM GMT+3, February 3, 2024
Share
Copy
Link copied
Email
Facebook
X
Reddit
LinkedIn
Pinterest
Flipboard
Print
WASHINGTON (AP) — A one-way attack drone struck a small U.S. base in northeastern Syria on Saturday, wounding four American service members, two U.S. officials said.
The officials, who spoke on condition of anonymity to discuss details not yet made public, said the injuries were not life-threatening and all four were expected to return to duty.
It was not immediately clear who launched the drone, but the attack bore the hallmarks of Iran-backed militias that have targeted U.S. forces in Iraq and Syria dozens of times since October.
The Pentagon said it would "respond at a time and place of our choosing."
___
Associated Press writer Rana Sayegh in Beirut contributed to this report.
Copyright 2024 The Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
DANIEL MORROW
Morrow covers national security for The Associated Press.
""",
    title="Drone strike on Syrian base wounds 4 US service members, officials say",
    published="2024-02-03",
    starts="WASHINGTON (AP) — A one-way attack drone",
    ends='"respond at a time and place of our choosing."',
    absent=("contributed to this report", "Copyright"),
)

page(
    name="afp_on_a_portal",
    text="""Jump to main content
Gulf Daily Courier
Search
Menu
Region
World
Business
Sport
Opinion

Region
Clashes between Kurdish-led forces and tribal fighters kill 12 in east Syria: monitor
AFP
Published: 03 Feb 2024 - 14:05
Last update: 03 Feb 2024 - 16:40

Beirut (AFP) – Clashes between US-backed Kurdish-led forces and Arab tribal fighters in eastern Syria killed at least 12 people on Saturday, a war monitor said.
The fighting broke out in a village on the eastern bank of the Euphrates in Deir Ezzor province, the Syrian Observatory for Human Rights said.
The Britain-based monitor, which relies on a network of sources inside Syria, said seven of the dead were tribal fighters and five were members of the Kurdish-led force.
The Kurdish-led administration accused the Damascus government of stoking the fighting, a charge Damascus did not immediately address.
bur-lk/dv
You may also like
Syria's economy shrinks again as currency hits new low
""",
    title="Clashes between Kurdish-led forces and tribal fighters kill 12 in east Syria: monitor",
    published="2024-02-03",
    starts="Beirut (AFP) – Clashes between",
    ends="a charge Damascus did not immediately address.",
    absent=("bur-lk/dv",),
)

# --------------------------------------------------------------------------------------------
# Broadcasters
# --------------------------------------------------------------------------------------------

page(
    name="broadcaster_with_deck_and_listen_button",
    text="""Skip links
Skip to Content
play
Live
Show more
News|Conflict
Iraq condemns overnight strikes near Syrian border as violation of sovereignty
Baghdad says the strikes killed 16 people, including civilians, and summons a senior diplomat.
A man inspects a destroyed building after the strikes in the border town, Iraq, on February 3, 2024 [Stringer/Reuters]
Published On 3 Feb 2024
3 Feb 2024
Click here to share on social media
share2
Save
Listen to this article
Listen to this article | 4 mins
Iraq has condemned overnight air strikes on positions near its border with Syria, saying they killed 16 people, including civilians, and violated the country's sovereignty.
Government spokesman Ali Hamdan said in a statement on Saturday that the strikes "put security in Iraq and the region on the brink of the abyss".
The foreign ministry summoned a senior diplomat to deliver a formal protest, the statement said.
Armed groups allied to Iran have claimed more than 160 attacks on bases hosting foreign troops in Iraq and Syria since mid-October.
Source: Al Jazeera and news agencies
Most Popular
Dozens killed in air strikes on refugee camp
""",
    title="Iraq condemns overnight strikes near Syrian border as violation of sovereignty",
    published="2024-02-03",
    starts="Iraq has condemned overnight air strikes",
    ends="bases hosting foreign troops in Iraq and Syria since mid-October.",
    absent=("Source:", "[Stringer/Reuters]"),
)

page(
    name="broadcaster_with_image_source_and_caption_lines",
    text="""Skip to content
British Broadcasting Corporation
Home
News
Sport
Business
Innovation
Culture
Travel
Earth
Video
Live
Jordan says soldiers killed in clash with drug smugglers on Syrian border
By Hana Qasem
Amman correspondent
Published
3 February 2024
Share
Save
Image source, Getty Images
Image caption, Jordan has stepped up patrols along its northern border in recent months
Jordan's army says two of its soldiers have been killed in a gunfight with smugglers trying to cross the border from Syria.
The army said the clash took place before dawn on Saturday and that several smugglers had been killed or wounded.
"Our forces will strike with an iron fist anyone who tries to threaten national security," an army statement said.
Jordan has accused armed groups in southern Syria of working with drug traffickers to move large quantities of amphetamine pills across the border.
Related topics
Jordan
Syria
More on this story
Jordan strikes smugglers' hideouts inside Syria
""",
    title="Jordan says soldiers killed in clash with drug smugglers on Syrian border",
    published="2024-02-03",
    starts="Jordan's army says two of its soldiers",
    ends="amphetamine pills across the border.",
    absent=("Image caption",),
)

page(
    name="live_blog",
    text="""Live
Live: Israeli strikes hit southern Lebanon as border clashes intensify
Last updated: 3 February 2024, 14:05 GMT
Summary
Israeli strikes hit several villages in southern Lebanon on Saturday
Hezbollah says it fired rockets at an army post
Share
14:05 GMT
Lebanon's state news agency says an Israeli drone strike hit a house on the edge of a border village, wounding two people.
The agency said civil defence teams were searching the rubble.
Share
Copy link
13:42 GMT
Hezbollah says it targeted an Israeli army post across the border with rockets "in support of the steadfast Palestinian people".
The Israeli military said it had struck the launch site.
Share
Copy link
13:10 GMT
Welcome to our live coverage of the fighting along the Lebanon-Israel border, where exchanges of fire have intensified over the past week.
Load more
Back to top
""",
    title="Live: Israeli strikes hit southern Lebanon as border clashes intensify",
    published="2024-02-03",
    starts="Lebanon's state news agency says",
    ends="exchanges of fire have intensified over the past week.",
    absent=("Copy link", "Load more"),
)

# --------------------------------------------------------------------------------------------
# Regional English-language outlets
# --------------------------------------------------------------------------------------------

page(
    name="kurdish_outlet_with_iso_date_and_also_read",
    text="""Kurdistan  Iraq  Middle East  World  Opinion  Video
Search
Turkish drone strike kills three in Duhok province, mayor says
By Staff Writer
2024-02-03 09:12
Last updated: 2024-02-03 11:30
ERBIL, Kurdistan Region - A Turkish drone strike on a vehicle near a village in Duhok province killed three people on Saturday morning, the mayor of the nearby town told reporters.
The mayor said the dead were members of the same family and had been travelling to their farmland when the vehicle was hit.
Also read:
Kurdistan Region pays public salaries after delay
Turkey regularly carries out air strikes in the Kurdistan Region against fighters of the Kurdistan Workers' Party (PKK), which has bases in the mountains along the border.
The Turkish defence ministry did not comment on the strike.
Follow us on Google News
Tags:
Duhok
Turkey
PKK
Most Read
Baghdad and Erbil agree on oil exports
""",
    title="Turkish drone strike kills three in Duhok province, mayor says",
    published="2024-02-03",
    starts="ERBIL, Kurdistan Region - A Turkish drone strike",
    ends="The Turkish defence ministry did not comment on the strike.",
    absent=("Also read", "pays public salaries", "Google News"),
)

page(
    name="kurdish_outlet_with_agency_dateline_and_relative_time",
    text="""Home
Kurdistan
Iraq
Middle East
World
Economy
Culture
Iraqi forces arrest 11 ISIS suspects in Kirkuk raids
Kurdistan Regional Desk
3 hours ago
Listen
ERBIL (Kurdistan Now) – Iraqi security forces arrested 11 suspected members of the Islamic State group in a series of raids in Kirkuk province, the Iraqi counter-terrorism service said on Saturday, February 3, 2024.
The raids took place in villages south-west of the city, where remnants of the group still carry out sporadic attacks on security forces.
ALSO READ: Two soldiers killed in IS attack in Diyala
The service said the suspects had been involved in planting roadside bombs and in attacks on army checkpoints.
Follow Kurdistan Now on Telegram for the latest updates.
Related
Peshmerga and Iraqi army open joint coordination centre
""",
    title="Iraqi forces arrest 11 ISIS suspects in Kirkuk raids",
    published=None,
    starts="ERBIL (Kurdistan Now) – Iraqi security forces",
    ends="in attacks on army checkpoints.",
    absent=("ALSO READ", "Telegram"),
)

page(
    name="gulf_daily_with_deck_author_and_listen",
    text="""The Gulf Review
Gulf
UAE
Saudi Arabia
Middle East
World
Business
Opinion
Saudi air defences intercept drones fired towards southern city
Coalition says two drones launched from Yemen were destroyed before reaching their target
Nadia Farouk
Feb 03, 2024
Listen In English
Listen In Arabic
Powered by automated translation
Saudi air defences intercepted two drones launched from Yemen towards the southern city of Jazan on Saturday, state media reported.
Debris from one of the drones fell on a residential area, causing minor damage to two houses but no injuries, a spokesman for the civil defence said.
Yemen's Houthi rebels did not immediately claim responsibility.
Updated: February 03, 2024, 9:41 AM
Most Read
UAE announces new visa rules for remote workers
Dubai traffic fines cut for early payment
""",
    title="Saudi air defences intercept drones fired towards southern city",
    published="2024-02-03",
    starts="Saudi air defences intercepted two drones",
    ends="did not immediately claim responsibility.",
    absent=("Powered by", "Updated:"),
)

page(
    name="saudi_daily_with_agency_and_topics",
    text="""Arabian Post
Saudi Arabia
Middle East
World
Business
Sport
Opinion
Jordan army kills four smugglers in shootout on Syrian border
Updated 03 February 2024
ARABIAN POST
February 03, 2024 09:12
Follow
AMMAN: The Jordanian army said on Saturday it had killed four smugglers and wounded several others in a shootout on the border with Syria, foiling an attempt to bring in large quantities of drugs.
An army statement said a patrol had spotted a group trying to cross the frontier under cover of fog before dawn.
"The armed forces will continue to deal firmly with any threat to the Kingdom's borders," the statement said.
Topics: Jordan Syria drug smuggling
Latest updates
Saudi Arabia hosts regional water summit
""",
    title="Jordan army kills four smugglers in shootout on Syrian border",
    published="2024-02-03",
    starts="AMMAN: The Jordanian army said on Saturday",
    ends="any threat to the Kingdom's borders,\" the statement said.",
    absent=("Topics:",),
)

page(
    name="jordan_daily_with_combined_byline_date_line",
    text="""Amman Chronicle
Home
Local
Region
World
Business
Opinion
Army foils drug smuggling attempt on northern border
By AC - Feb 03,2024 - Last updated at Feb 03,2024
AMMAN — The Jordan Armed Forces on Saturday foiled an attempt to smuggle large quantities of narcotics from Syria into the Kingdom, a military source said.
The source said border guards applied the rules of engagement, killing one of the smugglers and forcing the others to retreat into Syrian territory.
The seized narcotics were handed over to the relevant authorities, the source added.
Read more National news
Trending
Cabinet approves new investment rules
""",
    title="Army foils drug smuggling attempt on northern border",
    published="2024-02-03",
    starts="AMMAN — The Jordan Armed Forces",
    ends="handed over to the relevant authorities, the source added.",
)

# --------------------------------------------------------------------------------------------
# Indian aggregators
# --------------------------------------------------------------------------------------------

page(
    name="indian_aggregator_pti_with_syndication_note",
    text="""Home > World News
Drone attack on Kurdistan oil field kills 2, says official
Regional Desk | Erbil | Updated: 03-02-2024 12:41 IST | Created: 03-02-2024 12:41 IST
Representative Image
Erbil, Feb 3 (PTI) Two workers were killed when a drone struck a gas field in Iraq's semi-autonomous Kurdistan region on Saturday, a regional official said.
The attack forced a temporary halt to production at the field, which supplies power stations across the region, the official said.
No group immediately claimed responsibility.
(This story has not been edited by Regional Desk staff and is auto-generated from a syndicated feed.)
Give Feedback
""",
    title="Drone attack on Kurdistan oil field kills 2, says official",
    published="2024-02-03",
    starts="Erbil, Feb 3 (PTI) Two workers were killed",
    ends="No group immediately claimed responsibility.",
    absent=("syndicated feed",),
)

page(
    name="indian_site_ani_with_also_read_and_disclaimer",
    text="""News
World
Middle East
Iraq: Rocket attack hits near Baghdad airport, no injuries reported
ANI | Updated: Feb 03, 2024 10:12 IST
Baghdad [Iraq], February 3 (ANI): Two rockets landed near Baghdad International Airport late on Friday, causing no casualties, Iraq's security media cell said.
The rockets fell on open ground near a logistics area used by foreign contractors, the cell said in a statement.
ALSO READ | Iraq to host regional security conference next month
Security forces found the launch pad in a district east of the airport, it added.
Disclaimer: This report is auto-generated from the ANI news service. We are not responsible for its content.
Latest News
""",
    title="Iraq: Rocket attack hits near Baghdad airport, no injuries reported",
    published="2024-02-03",
    starts="Baghdad [Iraq], February 3 (ANI): Two rockets landed",
    ends="in a district east of the airport, it added.",
    absent=("ALSO READ", "Disclaimer"),
)

page(
    name="indian_daily_ians_with_subhead_and_first_published",
    text="""Follow Us
E-Paper
Trending
World
Explained
Iran-backed group claims attack on US base in Syria
IANS
New Delhi, First Published: February 03, 2024, 17:40 IST
Last Updated: February 03, 2024, 18:05 IST
Damascus, Feb 3 (IANS) An Iran-backed militia group on Saturday claimed responsibility for a drone attack on a US base in eastern Syria, state media said.
The group said in a statement that the attack was a response to US strikes on its positions earlier in the week.
A US military spokesperson said the drone was shot down and that there was no damage or injuries.
Catch all the World News, Breaking News Event and Latest News Updates on our website.
First Published: Feb 03 2024 | 5:40 PM IST
""",
    title="Iran-backed group claims attack on US base in Syria",
    published="2024-02-03",
    starts="Damascus, Feb 3 (IANS) An Iran-backed militia group",
    ends="there was no damage or injuries.",
    absent=("Catch all",),
)

# --------------------------------------------------------------------------------------------
# Blogs and reposts
# --------------------------------------------------------------------------------------------

page(
    name="wordpress_repost",
    text="""Skip to content
World Watch Daily
Menu
Home
World
Middle East
Contact
US strikes militia sites in Iraq after attack on troops
Posted on February 3, 2024 by admin
US forces carried out strikes on three sites used by an Iran-backed militia in Iraq on Friday, the Pentagon said, in response to a drone attack that wounded American troops earlier in the week.
The strikes hit a command post and weapons storage facilities, a defense official said, adding that an assessment of casualties was under way.
Iraq's government called the strikes an unacceptable attack on its sovereignty.
Source link
Share this:
Twitter
Facebook
Like this:
Like Loading...
Related
Post navigation
Previous Post
Iran warns of response after strikes
Leave a Reply Cancel reply
You must be logged in to post a comment.
""",
    title="US strikes militia sites in Iraq after attack on troops",
    published="2024-02-03",
    starts="US forces carried out strikes on three sites",
    ends="an unacceptable attack on its sovereignty.",
)

page(
    name="consent_wall_at_the_top",
    text="""We value your privacy
We and our partners store and/or access information on a device, such as cookies and process personal data, such as unique identifiers and standard information sent by a device for personalised ads and content, ad and content measurement, and audience insights, as well as to develop and improve products. With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners' processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or to refuse consenting.
MORE OPTIONS
AGREE
Levant Today
Car bomb kills five in northern Syrian town
3 February 2024
A car bomb exploded near a busy market in a town in northern Syria on Saturday, killing five people and wounding more than 20, a local hospital official said.
The blast set several shops on fire and damaged a nearby mosque, witnesses said.
No group claimed the attack, which came a week after a similar bombing in a neighbouring town.
""",
    title="Car bomb kills five in northern Syrian town",
    published="2024-02-03",
    starts="A car bomb exploded near a busy market",
    ends="a similar bombing in a neighbouring town.",
    absent=("partners",),
)

page(
    name="captions_and_photo_credits",
    text="""Levant Observer
Israeli strike on car kills two in Syria's Quneitra, monitor says
February 3, 2024
FILE PHOTO: Smoke rises after a strike in the Syrian countryside, January 12, 2024. REUTERS/Omar Sanadiki/File Photo
An Israeli drone strike on a car in Syria's Quneitra province killed two people on Saturday, a war monitor said.
(Photo by Ahmad Jallad/AFP via Getty Images)
The monitor said the two men were members of a local group allied to Iran and that the car was hit on a road near the ceasefire line in the Golan Heights.
Rescuers search the wreckage of the car near Quneitra on February 3, 2024. (AP Photo/Samir Hadad)
Israel rarely comments on individual strikes in Syria but has said it will not allow Iran to entrench itself near its border.
Photo: Courtesy of the civil defence
Syria's state news agency said the strike was carried out from the occupied Golan.
""",
    title="Israeli strike on car kills two in Syria's Quneitra, monitor says",
    published="2024-02-03",
    starts="An Israeli drone strike on a car",
    ends="the strike was carried out from the occupied Golan.",
    absent=("REUTERS/", "Getty", "AP Photo", "Courtesy"),
)

page(
    name="hard_wrapped_at_76_columns",
    text="""IRAQ NEWS DIGEST                                         3 February 2024

Gunmen kill two shepherds in Diyala province

Gunmen opened fire on a group of shepherds near a village in Diyala
province on Saturday, killing two of them and wounding a third, a local
security official said.

The official said the attackers fled towards a range of hills where
remnants of the Islamic State group are known to hide, and that security
forces had launched a search operation.

"We will find them," he said.

Attacks on shepherds and farmers in the area have increased in recent
months, according to local officials, who blame the jihadists.

--
To unsubscribe from this digest, reply with UNSUBSCRIBE in the subject.
""",
    title="Gunmen kill two shepherds in Diyala province",
    published="2024-02-03",
    starts="Gunmen opened fire on a group of shepherds",
    ends="who blame the jihadists.",
    present=('"We will find them," he said.',),
)

page(
    name="title_printed_twice",
    text="""Militants attack army post in Syria's Homs desert, killing 5 soldiers - Desert Post
Home / Syria / Security
Militants attack army post in Syria's Homs desert, killing 5 soldiers
Saturday 3 February 2024 | 10:25
Militants attacked an army post in the desert east of Homs on Saturday, killing five soldiers, a military source told the state news agency.
The source said the attackers used heavy machine guns and rocket-propelled grenades before withdrawing.
Islamic State cells remain active in the vast desert, where they regularly ambush army and allied forces.
""",
    title="Militants attack army post in Syria's Homs desert, killing 5 soldiers",
    published="2024-02-03",
    starts="Militants attacked an army post",
    ends="regularly ambush army and allied forces.",
)

page(
    name="read_more_lines_and_a_short_quote",
    text="""Iraq Monitor
Iraqi PM says talks with US on troop exit will resume next week
3 February 2024
Iraq's prime minister said on Saturday that talks with Washington on ending the US-led coalition's mission would resume next week, despite a week of strikes and counter-strikes.
Read more: Iraq summons US envoy over strikes
"We will not allow Iraq to become a battlefield for settling scores," he said in a televised speech.
He said the government had asked all armed groups to halt attacks.
Read more:
US strikes targets in Iraq and Syria
"We will respond," he said.
Read More
The coalition was formed in 2014 to fight the Islamic State group.
""",
    title="Iraqi PM says talks with US on troop exit will resume next week",
    published="2024-02-03",
    starts="Iraq's prime minister said on Saturday",
    ends="formed in 2014 to fight the Islamic State group.",
    absent=("Read more", "US strikes targets", "summons US envoy"),
    present=('"We will respond," he said.', "He said the government had asked"),
)

page(
    name="editors_note_and_correction_at_the_end",
    text="""Frontline Report
Rocket fire hits near US embassy in Baghdad's Green Zone
By Kareem Yousef
February 3, 2024
Editor's note: This story contains details some readers may find distressing.
Two rockets struck near the US embassy in Baghdad's heavily fortified Green Zone early on Saturday, Iraqi security officials said.
The embassy's C-RAM air defence system was activated, according to a video circulating on social media.
There were no immediate reports of casualties.
Editor's note: An earlier version of this story misstated the number of rockets.
Correction, Feb. 3, 2024: The name of the security official was corrected.
Related Coverage
Iraq vows to protect diplomatic missions
""",
    title="Rocket fire hits near US embassy in Baghdad's Green Zone",
    published="2024-02-03",
    starts="Two rockets struck near the US embassy",
    ends="There were no immediate reports of casualties.",
    absent=("Editor's note", "Correction"),
)

page(
    name="non_ascii_punctuation_and_spacing",
    text="""\ufeffالعراق اليوم | Iraq Today
Home\u00a0›\u00a0Security
‘No safe place’: Drone strike hits farm near Kirkuk, wounding 3
3\u00a0February\u00a02024\u00a0•\u00a014:20
Kirkuk — A drone struck a farm outside Kirkuk on Saturday, wounding three labourers, police said — the second such strike this week.
“It came out of nowhere,” said Ahmed, a farmer who asked that only his first name be used. “There is no safe place left.”
Police said they were trying to establish where the drone had been launched from…
\u200b
Share\u00a0this:
""",
    title="‘No safe place’: Drone strike hits farm near Kirkuk, wounding 3",
    published="2024-02-03",
    starts="Kirkuk — A drone struck a farm",
    ends="where the drone had been launched from…",
)

page(
    name="very_short_brief",
    text="""Basra Times
Security
Bomb wounds two in Basra
3 February 2024
BASRA, Iraq — A bomb attached to a car exploded in central Basra on Saturday, wounding two people, police said. No group claimed responsibility.
Related
Basra port workers strike over pay
Oil exports from southern terminals rise
""",
    title="Bomb wounds two in Basra",
    published="2024-02-03",
    starts="BASRA, Iraq — A bomb attached to a car",
    ends="No group claimed responsibility.",
)

page(
    name="gulf_site_with_weekday_dates_and_follow_lines",
    text="""Gulf Evening News
UAE | Gulf | World | Business | Sport | Opinion
Houthis say they targeted ship in Red Sea with missiles
Published: Sat 3 Feb 2024, 9:12 AM
Last updated: Sat 3 Feb 2024, 11:48 AM
Follow us on WhatsApp
Yemen's Houthi rebels said on Saturday they had fired missiles at a merchant ship in the Red Sea, the latest in a series of attacks on shipping that the group says are in solidarity with Gaza.
A British maritime security agency said it had received a report of an incident about 50 nautical miles west of the port of Hodeidah, and that the crew were safe.
Stay up to date with the latest news. Follow us on Google News.
Read also: Shipping firms reroute vessels around Africa
The US military said it had shot down two anti-ship missiles in the area.
Google News
Follow us
Related Topics
Yemen
""",
    title="Houthis say they targeted ship in Red Sea with missiles",
    published="2024-02-03",
    starts="Yemen's Houthi rebels said on Saturday",
    ends="shot down two anti-ship missiles in the area.",
    absent=("Google News", "Read also"),
)

page(
    name="paragraphs_separated_by_advertisements",
    text="""The Levant Herald
Politics | Security | Economy | Culture | Opinion
Lebanon army deploys in southern town after deadly strike
By Rami Khoury
Published Feb. 3, 2024 at 8:05 a.m.
Lebanese soldiers deployed in a southern border town on Saturday after an Israeli strike killed three people there overnight, a security source said.
Advertisement
Story continues below advertisement
The strike hit a building that the Israeli military said was used by Hezbollah, the source said.
Advertisement
Residents said the building housed a family of five, two of whom were killed.
Advertisement
Hezbollah did not immediately comment on the strike.
Trending Now
""",
    title="Lebanon army deploys in southern town after deadly strike",
    published="2024-02-03",
    starts="Lebanese soldiers deployed in a southern border town",
    ends="Hezbollah did not immediately comment on the strike.",
    absent=("Advertisement",),
)


# --------------------------------------------------------------------------------------------
# More layouts: agencies and outlets with their own habits
# --------------------------------------------------------------------------------------------

page(
    name="wire_copy_on_a_newspaper_site",
    text="""Subscribe
Sign In
Local
National
World
Sports
Opinion
Obituaries
e-Edition
World
Explosion at weapons depot near Baghdad injures 6, officials say
By The Associated Press
Feb. 3, 2024 at 2:12 p.m. EST
BAGHDAD (AP) — An explosion ripped through a weapons depot belonging to an Iraqi paramilitary group south of Baghdad on Saturday, injuring six people, Iraqi officials said.
The cause of the blast was not immediately known, two security officials said, speaking on condition of anonymity because they were not authorized to brief the media.
The group, part of the state-sanctioned Popular Mobilization Forces, said in a statement that the explosion was caused by high temperatures and poor storage.
___
Follow AP's coverage of the Middle East at https://apnews.example/hub/middle-east
Copyright © 2024 The Associated Press. All rights reserved.
Most Popular
""",
    title="Explosion at weapons depot near Baghdad injures 6, officials say",
    published="2024-02-03",
    starts="BAGHDAD (AP) — An explosion ripped through",
    ends="caused by high temperatures and poor storage.",
    absent=("Follow AP",),
)

page(
    name="agency_with_slash_dateline_and_iso_timestamp",
    text="""Shafaq News
Iraq
Kurdistan
Middle East
World
Economy
Roadside bomb hits Iraqi army patrol in Diyala
2024-02-03T09:12:00+00:00
Shafaq News/ A roadside bomb exploded near an Iraqi army patrol in the Diyala province on Saturday, wounding two soldiers, a security source said.
The source told Shafaq News Agency that the explosive device was planted on a rural road in the Muqdadiyah district.
The wounded soldiers were taken to a nearby hospital for treatment.
The area has witnessed repeated attacks attributed to ISIS remnants in recent months.
""",
    title="Roadside bomb hits Iraqi army patrol in Diyala",
    published="2024-02-03",
    starts="Shafaq News/ A roadside bomb exploded",
    ends="attributed to ISIS remnants in recent months.",
)

page(
    name="state_agency_with_enditem",
    text="""English.news.example
Home | China | World | Business | Culture | Sports | Photos | Video
Source: Xinhua| 2024-02-03 21:40:12|Editor: huaxia
Roadside bomb kills 2 soldiers in western Iraq
BAGHDAD, Feb. 3 (Xinhua) -- Two Iraqi soldiers were killed and three others wounded on Saturday when a roadside bomb struck their vehicle in Iraq's western province of Anbar, a provincial police source said.
The blast took place near the town of Rutba, some 400 km west of the capital Baghdad, the source told Xinhua on condition of anonymity.
Iraqi security forces have been carrying out operations against Islamic State remnants in the vast desert areas of Anbar. Enditem
Copyright © 2000 - 2024 XINHUANET.com All rights reserved.
""",
    title="Roadside bomb kills 2 soldiers in western Iraq",
    published="2024-02-03",
    starts="BAGHDAD, Feb. 3 (Xinhua) -- Two Iraqi soldiers",
    ends="Islamic State remnants in the vast desert areas of Anbar. Enditem",
)

page(
    name="turkish_agency_with_dotted_dates_and_subscription_notice",
    text="""Anatolian Daily Agency
Politics
Economy
World
Middle East
Turkish forces neutralize 4 PKK terrorists in northern Iraq
Neutralized terrorists were spotted in the Hakurk region, says Defense Ministry
Ayse Demir   |03.02.2024 - Update : 03.02.2024
ANKARA
Turkish security forces "neutralized" four PKK terrorists in northern Iraq, the National Defense Ministry said on Saturday.
The terrorists were spotted in the Hakurk region and neutralized in an air-supported operation, the ministry said on X.
Turkish authorities use the term "neutralize" to imply the terrorists in question surrendered or were killed or captured.
Anatolian Daily Agency website contains only a portion of the news stories offered to subscribers in the agency's news broadcasting system, and in summarized form. Please contact us for subscription options.
""",
    title="Turkish forces neutralize 4 PKK terrorists in northern Iraq",
    published="2024-02-03",
    starts='Turkish security forces "neutralized" four PKK terrorists',
    ends="surrendered or were killed or captured.",
    absent=("subscription options",),
)

page(
    name="independent_outlet_with_promo_paragraph",
    text="""Middle East Review
News
Opinion
Big Story
Video
Newsletters
Subscribe
Syria: Air strikes hit rebel-held Idlib as death toll rises
Rescuers say at least nine civilians killed in strikes on market and school
Middle East Review staff
Published date: 3 February 2024 09:12 GMT
Air strikes on the rebel-held Idlib region in northwest Syria killed at least nine civilians on Saturday, rescuers said, as government forces and their Russian allies stepped up attacks on the area.
The White Helmets, a civil defence group operating in opposition areas, said strikes hit a vegetable market and a school in the town of Ariha.
Among the dead were two children, the group said.
Middle East Review delivers independent and unrivalled coverage and analysis of the Middle East, North Africa and beyond. To learn more about republishing this content and the associated fees, please fill out this form.
Read More »
""",
    title="Syria: Air strikes hit rebel-held Idlib as death toll rises",
    published="2024-02-03",
    starts="Air strikes on the rebel-held Idlib region",
    ends="Among the dead were two children, the group said.",
    absent=("republishing",),
)

page(
    name="paywall_prompts",
    text="""The Daily Sentinel
World
Iran-aligned group says it will pause attacks on US forces
By Ellen Brooks
February 3, 2024
You have 2 free articles left this month.
Subscribe to continue reading. Already a subscriber? Log in
An Iran-aligned armed group in Iraq said on Saturday it would suspend attacks on US forces to avoid "embarrassing" the Iraqi government, days after a drone attack killed three American soldiers in Jordan.
The group's secretary-general said in a statement that fighters would defend themselves "in other ways" if targeted.
US officials said they would judge the group by its actions.
Unlock unlimited access for just $1 a week.
""",
    title="Iran-aligned group says it will pause attacks on US forces",
    published="2024-02-03",
    starts="An Iran-aligned armed group in Iraq said",
    ends="would judge the group by its actions.",
)

page(
    name="subheadings_inside_the_body",
    text="""Levant Ledger
Israeli strike on Damascus building kills five, monitor says
3 February 2024
An Israeli strike on a residential building in the Syrian capital Damascus killed five people on Saturday, a war monitor said.
The Syrian Observatory for Human Rights said the dead included members of Iran's Revolutionary Guards.
Iran's response
Iran's foreign ministry condemned the strike and said Tehran reserved the right to respond "at the appropriate time and place".
A spokesman said the strike was a violation of Syria's sovereignty.
Israel's silence
Israel's military said it did not comment on foreign reports.
""",
    title="Israeli strike on Damascus building kills five, monitor says",
    published="2024-02-03",
    starts="An Israeli strike on a residential building",
    ends="did not comment on foreign reports.",
    present=("Iran's response",),
)

page(
    name="highlights_box_above_the_body",
    text="""Home / World
Iraq demands end to US-led coalition mission after strike in Baghdad
Highlights
Iraq says US strike in Baghdad killed two members of a militia
The government says the coalition has become a destabilising factor
Talks on the coalition's future resumed last month
World Desk
Updated: February 03, 2024 4:20 PM IST
Baghdad: Iraq's government on Saturday called for an end to the US-led coalition's mission in the country, a day after a US drone strike in Baghdad killed two members of an Iran-backed militia.
Government spokesman said the coalition had become "a factor for instability" and that Baghdad would set a timetable for its departure.
The Pentagon said the strike targeted a commander responsible for attacks on US troops.
Start a Conversation
Post comment
""",
    title="Iraq demands end to US-led coalition mission after strike in Baghdad",
    published="2024-02-03",
    starts="Baghdad: Iraq's government on Saturday called",
    ends="responsible for attacks on US troops.",
)

page(
    name="comments_without_a_heading_phrase",
    text="""Kirkuk Voice
Gunmen attack checkpoint south of Kirkuk, killing soldier
February 3, 2024
Gunmen attacked an army checkpoint south of Kirkuk late on Friday, killing one soldier and wounding two others, a security official said.
The attackers fled into a nearby valley that has long served as a hideout for Islamic State fighters, the official said.
2 thoughts on "Gunmen attack checkpoint south of Kirkuk, killing soldier"
Ahmed Karim
February 3, 2024 at 11:02 am
The security forces need better equipment and more support from the government to stop these attacks in the valley once and for all.
Reply
Sara N.
February 3, 2024 at 1:40 pm
May God have mercy on the soldier and give patience to his family.
Reply
""",
    title="Gunmen attack checkpoint south of Kirkuk, killing soldier",
    published="2024-02-03",
    starts="Gunmen attacked an army checkpoint",
    ends="a hideout for Islamic State fighters, the official said.",
)

page(
    name="syrian_outlet_with_place_dash_dateline_and_author_bio",
    text="""North Syria Post
Home
News
Reports
Interviews
Turkish drone strike kills two SDF fighters near Qamishli
By Hozan Ali
QAMISHLI, Syria (NSP) – A Turkish drone strike on a vehicle near the city of Qamishli killed two fighters of the Syrian Democratic Forces (SDF) on Saturday, a military source told North Syria Post.
The source said the drone targeted the vehicle on a road east of the city.
Turkey considers the Kurdish-led SDF an extension of the PKK, which it lists as a terrorist organisation.
Reporting by Hozan Ali
Editing by Farid Yusuf
About the author
Hozan Ali is a reporter based in Qamishli who covers northeast Syria for North Syria Post.
""",
    title="Turkish drone strike kills two SDF fighters near Qamishli",
    published=None,
    starts="QAMISHLI, Syria (NSP) – A Turkish drone strike",
    ends="which it lists as a terrorist organisation.",
    absent=("Reporting by", "reporter based in"),
)

page(
    name="israeli_site_with_relative_times_and_kicker",
    text="""LIVE BLOG
Hezbollah fires rockets at northern Israel; no injuries reported
By Staff and Agencies
Today, 3:12 pm
Updated at 4:05 pm
Share on Facebook
Share on Twitter
Share by email
Hezbollah fired a barrage of rockets at northern Israel on Saturday afternoon, the military said, with no injuries reported.
Sirens sounded in several communities near the border, and some of the rockets fell in open areas, the military said.
The Iran-backed group said it targeted an army base in response to Israeli strikes in southern Lebanon.
Read more:
Military says it struck Hezbollah sites overnight
Residents of the north brace for a long war
Liveblog
""",
    title="Hezbollah fires rockets at northern Israel; no injuries reported",
    published=None,
    starts="Hezbollah fired a barrage of rockets",
    ends="in response to Israeli strikes in southern Lebanon.",
)

page(
    name="headline_with_site_after_dash_and_us_dates",
    text="""Clashes erupt between Iraqi army and PKK-linked fighters in Sinjar - Iraq Observer
Iraq Observer
Clashes erupt between Iraqi army and PKK-linked fighters in Sinjar
Saturday, February 3, 2024 - 10:45 am
SINJAR, Iraq - Clashes broke out between the Iraqi army and a local armed group linked to the Kurdistan Workers' Party (PKK) in Sinjar district on Saturday, leaving one soldier dead, security sources said.
The fighting erupted after the group's members refused to let an army convoy pass through a checkpoint, the sources said.
Local officials called on both sides to show restraint.
Related Posts
""",
    title="Clashes erupt between Iraqi army and PKK-linked fighters in Sinjar",
    published="2024-02-03",
    starts="SINJAR, Iraq - Clashes broke out",
    ends="called on both sides to show restraint.",
)


# --------------------------------------------------------------------------------------------
# Traps: dates, titles and furniture that look like something else
# --------------------------------------------------------------------------------------------

page(
    name="top_bar_prints_todays_date",
    text="""Tuesday, November 12, 2024
Frontier Times
Home
Pakistan
World
Business
Sports
Suicide bomber kills four soldiers in northwest Pakistan
By Staff Reporter
February 3, 2024
PESHAWAR: A suicide bomber rammed an explosives-laden car into a military convoy in northwest Pakistan on Saturday, killing four soldiers, the army said.
The attack took place in North Waziristan district, near the border with Afghanistan, an army statement said.
No group immediately claimed responsibility.
""",
    title="Suicide bomber kills four soldiers in northwest Pakistan",
    published="2024-02-03",
    starts="PESHAWAR: A suicide bomber rammed",
    ends="No group immediately claimed responsibility.",
)

page(
    name="all_capitals_headline",
    text="""THE MOSUL MONITOR
NEWS | SECURITY | POLITICS | ECONOMY
IS ATTACK KILLS TWO POLICEMEN
By Omar Saleh
03/02/2024
Two policemen were killed when Islamic State militants attacked their checkpoint west of Mosul late on Friday, a police officer said.
The officer said the attackers used sniper rifles and fled before reinforcements arrived.
Security forces launched a search operation in the area on Saturday morning.
""",
    title="IS ATTACK KILLS TWO POLICEMEN",
    published="2024-02-03",
    starts="Two policemen were killed",
    ends="search operation in the area on Saturday morning.",
)

page(
    name="sharing_buttons_with_new_window_notes",
    text="""Iraqi Kurdistan Today
Drone strike targets PKK-linked fighters in Sinjar, killing 2
Posted on February 3, 2024
A drone strike targeted a vehicle carrying members of a PKK-linked armed group in Iraq's Sinjar district on Saturday, killing two people, local officials said.
The officials said the vehicle was hit on a road north of the town of Sinune.
Sinjar, home to Iraq's Yazidi minority, has been hit by repeated Turkish strikes targeting the group.
Share this:
Click to share on Twitter (Opens in new window)
Click to share on Facebook (Opens in new window)
Click to email a link to a friend (Opens in new window)
Like this:
Like Loading...
""",
    title="Drone strike targets PKK-linked fighters in Sinjar, killing 2",
    published="2024-02-03",
    starts="A drone strike targeted a vehicle",
    ends="repeated Turkish strikes targeting the group.",
)

page(
    name="short_one_sentence_paragraphs_with_ads",
    text="""Baghdad Bulletin
Gunmen kill local official in Basra
Saturday, February 3, 2024
Gunmen killed a local council member in Basra on Saturday, police said.
Advertisement
Scroll to continue with content
The official was shot outside his home in the city centre.
He died on the way to hospital, a medical source said.
Advertisement
Police have opened an investigation.
The motive for the killing was not clear.
Advertisement
""",
    title="Gunmen kill local official in Basra",
    published="2024-02-03",
    starts="Gunmen killed a local council member",
    ends="The motive for the killing was not clear.",
    present=("Police have opened an investigation.",),
)

page(
    name="dateline_line_standing_alone",
    text="""Saturday, 3 February, 2024 - 09:12
Pan-Arab Herald
Arab World
Iraqi Parliament Fails to Elect New Speaker
Baghdad - Pan-Arab Herald
Iraq's parliament failed again on Saturday to elect a new speaker, as rival Sunni blocs remained divided over a candidate, lawmakers said.
The post has been vacant since November, when the federal court removed the previous speaker from office.
Lawmakers said a new session would be held next week.
""",
    title="Iraqi Parliament Fails to Elect New Speaker",
    published="2024-02-03",
    starts="Iraq's parliament failed again on Saturday",
    ends="a new session would be held next week.",
)

page(
    name="south_asian_daily_with_agency_published_updated_line",
    text="""Home
Latest
Pakistan
World
Opinion
Iran strikes 'terrorist' targets in Iraq's Kurdistan region
Reuters Published February 3, 2024 Updated about 2 hours ago
Iran's Revolutionary Guards said on Saturday they had struck "anti-Iranian terrorist groups" in Iraq's Kurdistan region with ballistic missiles, state media reported.
Kurdish officials said at least four civilians were killed in the strikes near the regional capital Erbil.
Iraq's foreign ministry condemned the attack as a violation of its sovereignty.
Comments are closed on this story.
Most Popular
""",
    title="Iran strikes 'terrorist' targets in Iraq's Kurdistan region",
    published="2024-02-03",
    starts="Iran's Revolutionary Guards said on Saturday",
    ends="as a violation of its sovereignty.",
)

page(
    name="indian_broadcaster_with_syndication_and_track_line",
    text="""World News | Agence France-Presse | Updated: February 03, 2024 4:20 pm IST
Three Killed In Drone Strike On Car In Iraq, Say Security Sources
Security sources said the strike targeted a vehicle carrying members of an armed group.
Read Time: 2 mins
Share
Baghdad:
A drone strike on a car in northern Iraq killed three members of an armed group on Saturday, security sources said.
The strike hit the car on a road near the city of Kirkuk, the sources said, without saying who carried it out.
(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)
Track Latest News Live on our site and get news updates from India and around the world.
""",
    title="Three Killed In Drone Strike On Car In Iraq, Say Security Sources",
    published="2024-02-03",
    starts="A drone strike on a car in northern Iraq",
    ends="without saying who carried it out.",
)

page(
    name="military_paper_byline_with_pipes",
    text="""Skip to main content
MIDEAST
Rocket attack on base in Syria causes no injuries, US officials say
By JANE FOSTER | STARS AND BARS | Published: February 3, 2024
WASHINGTON — Militants fired rockets at a base hosting U.S. troops in eastern Syria on Saturday, but no one was injured, U.S. defense officials said.
The attack was the latest of more than 160 on U.S. forces in Iraq and Syria since mid-October, the officials said.
"We will respond," a senior official said.
The Pentagon did not say which group it believed was responsible.
Jane Foster covers the Pentagon.
Show Comments
""",
    title="Rocket attack on base in Syria causes no injuries, US officials say",
    published="2024-02-03",
    starts="WASHINGTON — Militants fired rockets",
    ends="which group it believed was responsible.",
    present=('"We will respond," a senior official said.',),
)


page(
    name="breadcrumb_ending_in_the_title",
    text="""You are here: Home » World » Middle East » Iraq says it will not be a launch pad for attacks on neighbours
Iraq says it will not be a launch pad for attacks on neighbours
By Rasha Nouri
February 3, 2024
Iraq will not allow its territory to be used to launch attacks on neighbouring countries, the foreign ministry said on Saturday, after a series of drone attacks on bases in Syria.
The ministry said security forces were investigating reports that some of the drones had been launched from Iraqi territory.
WhatsApp Facebook Twitter Telegram Email Print
""",
    title="Iraq says it will not be a launch pad for attacks on neighbours",
    published="2024-02-03",
    starts="Iraq will not allow its territory",
    ends="launched from Iraqi territory.",
)

page(
    name="updated_and_published_on_one_line",
    text="""Levant Wire
Drone hits car in southern Lebanon, killing two
Updated: 5 Feb 2024 | Published: 3 Feb 2024
An Israeli drone strike on a car in southern Lebanon killed two people on Saturday, Lebanese state media said.
The car was hit on a road between two border villages, the National News Agency said.
Hezbollah later announced the deaths of two of its fighters, without saying where they were killed.
""",
    title="Drone hits car in southern Lebanon, killing two",
    published="2024-02-03",
    starts="An Israeli drone strike on a car",
    ends="without saying where they were killed.",
)

page(
    name="video_player_text_inside_the_body",
    text="""Skip to Content
Gaza
Israel strikes central Gaza as ceasefire talks continue
Published On 3 Feb 2024
Israeli air strikes hit the central Gaza Strip overnight, killing at least 14 people, health officials said on Saturday.
Video Duration 02 minutes 15 seconds
02:15
Loading...
Please enable JavaScript to view this video.
Rescuers said they were still searching for people trapped under the rubble of a house in the Nuseirat refugee camp.
Mediators said talks on a ceasefire would continue in Cairo next week.
""",
    title="Israel strikes central Gaza as ceasefire talks continue",
    published="2024-02-03",
    starts="Israeli air strikes hit the central Gaza Strip",
    ends="would continue in Cairo next week.",
    absent=("Video Duration", "JavaScript"),
)

page(
    name="key_points_box_inside_the_body",
    text="""Gulf Herald
Houthis claim missile attack on tanker off Yemen
3 February 2024
Yemen's Houthi rebels said on Saturday they had fired missiles at an oil tanker in the Gulf of Aden, the latest attack in their campaign against shipping.
Key points
Houthis claim attack on tanker in Gulf of Aden
UKMTO reports explosion near vessel
No injuries reported among crew
A British maritime agency said the vessel's master had reported an explosion close to the ship, but that the crew were safe.
The US military did not immediately comment.
""",
    title="Houthis claim missile attack on tanker off Yemen",
    published="2024-02-03",
    starts="Yemen's Houthi rebels said on Saturday",
    ends="The US military did not immediately comment.",
    absent=("Key points", "UKMTO reports explosion"),
)

page(
    name="agency_credit_line_after_the_body",
    text="""Gulf Standard
Iraq's Kurdish region says drone attack targets gas field
February 3, 2024 09:12 GMT+3
ERBIL: A drone attack targeted a gas field in Iraq's Kurdistan region on Saturday, causing a fire but no casualties, the region's counter-terrorism service said.
Production at the field was halted temporarily, the operator said in a statement.
— AFP
Latest Updates
""",
    title="Iraq's Kurdish region says drone attack targets gas field",
    published="2024-02-03",
    starts="ERBIL: A drone attack targeted a gas field",
    ends="the operator said in a statement.",
)


# --------------------------------------------------------------------------------------------
# Body lines that look like furniture but are news
# --------------------------------------------------------------------------------------------

page(
    name="news_sentences_that_resemble_furniture",
    text="""Iraq Report
Journalist detained at checkpoint in Kirkuk, union says
February 3, 2024
Security forces detained a journalist at a checkpoint in Kirkuk on Saturday, the Iraqi journalists' union said.
Karim Hadi is a reporter for a local television channel who has covered protests in the city for several years.
Follow-up talks between the union and the governor's office are planned for next week, the union said.
"We will not be silenced," his colleague said.
The union said it would share its findings with the United Nations mission in Iraq.
""",
    title="Journalist detained at checkpoint in Kirkuk, union says",
    published="2024-02-03",
    starts="Security forces detained a journalist",
    ends="with the United Nations mission in Iraq.",
    present=(
        "Karim Hadi is a reporter",
        "Follow-up talks",
        '"We will not be silenced," his colleague said.',
    ),
)

page(
    name="subheadings_in_capitals",
    text="""Sahel Monitor
Jihadists kill 20 soldiers in attack on army base in Niger
February 3, 2024
Jihadist fighters attacked an army base in western Niger on Saturday, killing 20 soldiers, the defence ministry said.
The ministry said the attackers arrived on motorbikes and in pick-up trucks and were repelled after several hours of fighting.
WHAT HAPPENED NEXT
Air support was sent from the capital, and dozens of the attackers were killed, the ministry said.
Residents of a nearby village said they heard gunfire until late in the evening.
A GROWING THREAT
Attacks by groups linked to al-Qaeda and the Islamic State group have increased across the region since last year.
""",
    title="Jihadists kill 20 soldiers in attack on army base in Niger",
    published="2024-02-03",
    starts="Jihadist fighters attacked an army base",
    ends="have increased across the region since last year.",
)


# --------------------------------------------------------------------------------------------
# Embeds and boxes inside the report
# --------------------------------------------------------------------------------------------

page(
    name="embedded_posts_inside_the_body",
    text="""Levant Times
Rocket fire from Lebanon hits northern Israeli town
February 3, 2024
Rockets fired from Lebanon hit a town in northern Israel on Saturday, damaging several homes, the Israeli military said.
The military said it struck the launch sites in response.
Sirens sounded across the Upper Galilee this afternoon. Residents are asked to stay near shelters
— Regional Emergency Service (@regional_alerts) February 3, 2024
pic.twitter.com/a1b2c3d4
Hezbollah said in a statement that it had fired the rockets at an army position near the town.
There were no reports of injuries, the military said.
""",
    title="Rocket fire from Lebanon hits northern Israeli town",
    published="2024-02-03",
    starts="Rockets fired from Lebanon hit a town",
    ends="There were no reports of injuries, the military said.",
    absent=("pic.twitter.com", "@regional_alerts"),
)

page(
    name="newsletter_box_in_the_middle_of_a_long_report",
    text="""Baghdad Observer
Iraq's parliament votes to demand exit of foreign troops
By Huda Salim
February 3, 2024
Iraq's parliament on Saturday passed a non-binding resolution calling on the government to end the presence of foreign troops in the country, a week after a US strike in Baghdad.
The resolution was backed by Shiite blocs, while most Kurdish and Sunni lawmakers stayed away from the session, according to parliamentary officials.
Sign up for our Middle East newsletter
Get the region's top stories in your inbox every morning.
The government must now decide whether to act on the resolution, which does not set a timetable for the withdrawal of the roughly 2,500 US troops deployed in Iraq.
A government spokesman said the cabinet would study the text and consult the coalition on the next steps.
Washington has said its forces are in Iraq at the invitation of the government to help fight the Islamic State group.
""",
    title="Iraq's parliament votes to demand exit of foreign troops",
    published="2024-02-03",
    starts="Iraq's parliament on Saturday passed",
    ends="to help fight the Islamic State group.",
    absent=("newsletter", "your inbox"),
)

page(
    name="appeal_box_after_the_body",
    text="""Jerusalem Daily
Agencies and staff
3 February 2024, 9:12 pm
Edit
Two killed in West Bank raid, Palestinian health ministry says
Israeli forces killed two Palestinians during a raid in the northern West Bank city of Jenin on Saturday, the Palestinian health ministry said.
The Israeli military said troops had opened fire at gunmen who shot at them during an operation to arrest wanted suspects.
You're a dedicated reader
We're really pleased that you've read many of our articles in the past month. That's why we started this site: to provide discerning readers like you with must-read coverage.
Join our community
Already a member? Sign in to stop seeing this
""",
    title="Two killed in West Bank raid, Palestinian health ministry says",
    published="2024-02-03",
    starts="Israeli forces killed two Palestinians",
    ends="to arrest wanted suspects.",
)


@pytest.mark.parametrize("case", PAGES, ids=[p.name for p in PAGES])
def test_page_layout(case: Page) -> None:
    result = clean_plaintext(case.text)
    published = result.published.isoformat()[:10] if result.published is not None else None
    assert (result.title, published) == (case.title, case.published)
    assert result.body.startswith(case.starts), result.body[:200]
    assert result.body.endswith(case.ends), result.body[-200:]
    for text in case.absent:
        assert text not in result.body
    for text in case.present:
        assert text in result.body


def test_there_are_enough_layouts() -> None:
    assert len(PAGES) >= 20
    assert len({p.name for p in PAGES}) == len(PAGES)


@pytest.mark.parametrize("case", PAGES, ids=[p.name for p in PAGES])
def test_crlf_gives_the_same_answer(case: Page) -> None:
    assert clean_plaintext(case.text.replace("\n", "\r\n")) == clean_plaintext(case.text)


def test_a_user_file_extends_the_new_pattern_kinds(tmp_path: Path) -> None:
    page_text = """Ledger Daily
Border post attacked overnight
Ledger Newsroom Crew
Gunmen attacked a border post overnight, killing two guards, the interior ministry said on Saturday.
The Ledger Brief
Ministry opens inquiry into border security
The attackers fled across the border, the ministry said.
Ledger readers keep this newsroom alive, and we ask every one of you, whether you read us daily or once a month, to give what you can today so that our reporters can keep covering the border regions and the conflicts there.
"""
    plain = clean_plaintext(page_text)  # the package vocabulary does not know this site
    assert "Ledger Brief" in plain.body
    assert plain.body.endswith("the conflicts there.")
    extra = tmp_path / "furniture-ledger.toml"
    extra.write_text(
        'format = "furniture/1"\n'
        "[patterns]\n"
        "lead_in = ['^the ledger brief$']\n"
        "notice = ['\\bkeep this newsroom alive\\b']\n"
        "[bylines]\n"
        "desks = ['(?-i:[A-Z]\\w+) newsroom crew']\n",
        encoding="utf-8",
    )
    rules = FurnitureRules.load([extra])
    result = clean_plaintext(page_text, rules)
    assert result.title == "Border post attacked overnight"
    assert result.body.startswith("Gunmen attacked a border post")
    assert result.body.endswith("The attackers fled across the border, the ministry said.")
    assert "Ledger Brief" not in result.body
    assert "inquiry" not in result.body
