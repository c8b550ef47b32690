/**
 * Brink's English predicate dictionary: verbs, verb phrases and light-verb collocations that express
 * CAMEO events, with the more specific codes their objects select. Written for Brink from the CAMEO
 * 1.1b3 codebook's definitions (Schrodt 2012, chapter 2); not taken from PETRARCH's dictionaries.
 *
 * Format, one rule per line: `code | triggers | refinements` (as ./lexicon-zh.ts):
 * - a trigger is words separated by spaces; the first word is a verb and matches all its inflections
 *   (visit, visits, visited, visiting); later words match as written or with a plural -s; `…` allows
 *   up to five words in between (impose … sanctions). A word may end in `*` to match any ending.
 * - refinements `word word: code;` look at the words of the clause (inflections included).
 * Statement verbs (say, tell, add) are claims (./claims.ts), never events.
 */

export const EN_LEXICON = `
011 | decline … comment, refuse … comment, declined comment |
012 | express … concern, voice … concern, express … pessimism, express … doubt, be skeptical, be sceptical, be pessimistic, was skeptical, were skeptical, was pessimistic, fear that |
013 | express … optimism, be optimistic, was optimistic, were optimistic, was confident, were confident, be confident, was hopeful, express … confidence |
014 | consider, weigh, mull, explore … possibility, study … option, review … option, explore … option, contemplate |
015 | claim … responsibility, take … responsibility, admit, acknowledge, accept … responsibility |
016 | deny, dismiss … charge, dismiss … accusation, reject … accusation, reject … charge, refute |
017 | lay … wreath, hold … vigil, attend … funeral, observe … silence, pay … tribute, pay … respects |
018 | express … condolences, offer … condolences, express … sympathy, send … condolences, mourn, sympathize |
019 | agree that, share … view, concur, see eye to eye, reach … consensus |
020 | urge, call on, call upon, call for, appeal, ask, request, propose, suggest, plead, recommend, implore, press … to | aid assistance relief: 023; humanitarian food medicine refugees shelter: 0233; military aid weapons arms: 0232; economic aid loan loans debt: 0231; peacekeepers peacekeeping troops protection: 0234; talks negotiations negotiate dialogue meeting meet summit: 026; settle settlement peaceful resolve: 027; mediate mediation mediator: 028; release free freeing: 0253; sanctions embargo: 0254; ceasefire truce restraint de-escalate withdraw: 0256; resign step down: 0241; reform reforms elections election: 024; rights: 0243; extradite extradition: 0213; information intelligence: 0214; trade investment economic: 0211; military cooperation exercises: 0212; cooperate cooperation: 021; support backing: 022
021 | seek … cooperation |
022 | seek … support, seek … backing |
023 | seek … aid, seek … assistance, request … aid, ask … for aid |
030 | promise, pledge, vow, offer, agree to, commit, be willing, be ready, was willing, were willing, was ready, were ready, expressed willingness, express … willingness, express … readiness | talks negotiate negotiations meet meeting summit dialogue visit: 036; aid assistance: 033; humanitarian: 0333; military cooperation exercises: 0312; trade economic investment: 0311; cooperate cooperation: 031; sanctions embargo: 0354; release free: 0353; ceasefire truce withdraw withdrawal de-escalate: 0356; mediate: 039; settle: 037; reform reforms democratize democracy elections: 034; rights: 0343; support: 032
040 | meet, confer, consult, hold … meeting, hold … summit, attend … summit, host … summit, meet with, sit down with |
041 | phone, telephone, hold … phone call, speak by telephone, spoke by phone, talk by phone, talked by phone |
042 | visit, travel to, arrive in, fly to, tour, go to, come to, pay … visit, make … visit |
043 | host, receive … delegation, receive … visit, welcome … delegation |
045 | mediate, broker | ceasefire truce: 045
046 | negotiate, bargain, hold … talks, hold … negotiations, resume … talks, resume … negotiations, open … talks, begin … talks, start … talks, conduct … negotiations, discuss, hold … discussions, engage in … talks |
050 | establish … ties, strengthen … ties, improve … ties, improve … relations, restore … ties, restore … relations, normalize … relations, normalise … relations, forge … ties, boost … ties, deepen … ties, upgrade … ties, build … relations |
051 | praise, commend, hail, applaud, welcome, endorse, laud, compliment, salute, congratulate, back, support, thank |
052 | defend, justify |
053 | rally … support, lobby for, campaign for |
054 | recognize, recognise, establish … diplomatic relations, establish … diplomatic ties |
055 | apologize, apologise, express … regret, offer … apology |
056 | forgive, pardon, grant … amnesty |
057 | sign, ratify, conclude … agreement, conclude … treaty, reach … agreement, reach … deal, finalize … agreement, finalize … deal, strike … deal, seal … deal, ink |
061 | trade with, invest, export, import, expand … trade, boost … trade |
062 | conduct … joint exercises, hold … joint exercises, stage … joint exercises, conduct … joint drills, hold … joint drills, joint military exercises, joint exercises |
063 | extradite, hand over … suspect |
064 | share … intelligence, share … information, exchange … information, exchange … intelligence, provide … information, provide … intelligence |
070 | supply, aid, provide … aid, give … aid, send … aid, deliver … aid, donate, assist, provide … assistance, give … assistance, send … assistance, provide … support | humanitarian food medicine medical relief refugees: 073; military weapons arms missiles ammunition: 072; economic financial loan loans credit budget oil fuel gas: 071
071 | lend, loan, provide … loan, grant … loan, grant … credit, extend … credit, provide … funding, provide … funds, write off … debt, forgive … debt |
072 | supply … weapons, supply … arms, sell … arms, sell … weapons, provide … weapons, provide … arms, deliver … weapons, deliver … missiles, deliver … arms, send … weapons, send … troops to fight, arm, supply … missiles, provide … troops, send … troops | peacekeepers peacekeeping: 074
073 | send … food, deliver … food, provide … food, provide … relief, send … relief, deliver … relief, send … medicine, send … medical supplies |
074 | deploy … peacekeepers, send … peacekeepers, provide … peacekeepers |
075 | grant … asylum, give … asylum, offer … asylum, grant … refuge, offer … refuge, shelter |
080 | yield, concede, back down, give in, relent, compromise, cave in, make … concession, make … concessions |
081 | lift … ban, lift … blockade, ease … restrictions, lift … restrictions, cancel … restrictions, relax … restrictions, lift … curfew, lift … martial law, lift … state of emergency | blockade: 0872; curfew: 0813; martial law emergency: 0814; party parties: 0812
082 | ease … crackdown |
083 | accede, bow to … demands, meet … demands, agree to … demands | resign step down: 0831
084 | release, free, return, hand over, repatriate, hand back | prisoner prisoners hostage hostages detainee detainees soldier soldiers fishermen citizens crew captives people: 0841; property assets remains gorillas animals ship vessel: 0842
085 | lift … sanctions, ease … sanctions, suspend … sanctions, end … embargo, lift … embargo, relax … sanctions, remove … sanctions, waive … sanctions |
086 | allow … inspectors, admit … inspectors, accept … inspectors, allow … access, allow … aid, accept … peacekeepers, admit … monitors, allow … monitors | inspectors inspector inspections monitors: 0862; aid humanitarian relief: 0863; peacekeepers: 0861
087 | withdraw … troops, withdraw … forces, pull out, pull back, scale back … exercises, scale back … drills, postpone … exercises, postpone … drills, suspend … drills, suspend … exercises, cancel … exercises, cancel … drills, de-escalate, stand down, retreat, withdraw from | demobilize demobilized disarm disarmed: 0873; surrender: 0874; blockade: 0872
0871 | declare … ceasefire, declare … truce, agree … ceasefire, agree … truce, ceasefire, truce, cease-fire |
0873 | demobilize, demobilise, disarm, lay down … arms, decommission |
0874 | surrender |
090 | investigate, probe, launch … investigation, open … investigation, open … inquiry, launch … inquiry, examine | war crimes: 094; human rights abuses: 092; military action attack strike: 093; corruption crime fraud: 091
100 | demand, insist, require, order | release free: 1053; withdraw withdrawal ceasefire pull out: 1056; resign step down: 1041; compensation aid reparations: 103; talks negotiations meeting: 106; sanctions: 1054; cancel abandon change policy: 1042; rights: 1043; reform reforms: 104; mediation: 108; settle: 107; cooperate: 101; recognition support: 102
111 | criticize, criticise, condemn, denounce, decry, slam, blast, rebuke, censure, deplore, lash out, chide, castigate, assail, berate, scold, disparage, accuse … of failing |
112 | accuse, blame, allege, charge … with | aggression attack attacks invasion provocation provoking: 1123; war crimes genocide: 1124; espionage spying treason spy: 1125; human rights abuses torture: 1122; corruption crime fraud smuggling murder killing killings terrorism: 1121
113 | rally … opposition, rally … against, mobilize … against |
114 | protest to, lodge … protest, lodge … complaint, file … complaint, complain, summon … ambassador, summon … envoy, summon … diplomat |
115 | sue, file … lawsuit, take … to court, bring … lawsuit |
116 | convict, sentence, find … guilty |
120 | reject, refuse, rebuff, turn down, spurn, snub, decline, rule out, dismiss | talks negotiations meet meeting proposal offer invitation dialogue: 125; aid assistance: 122; cooperation cooperate: 121; mediation mediator: 126; plan agreement settlement deal: 127; demands demand: 124
128 | defy, flout, violate … resolution, violate … law, violate … agreement, breach … agreement, violate … treaty, ignore … resolution |
129 | veto |
130 | threaten, warn of, warn … consequences | nuclear atomic chemical biological: 1385; attack attacks strike strikes war force military invade invasion retaliate retaliation destroy: 138; sanctions embargo boycott: 1312; sever ties relations diplomatic: 1313; halt talks walk out negotiations: 134; blockade: 1381; occupy occupation: 1382; cut off electricity aid supplies: 131
139 | issue … ultimatum, give … ultimatum, ultimatum |
141 | demonstrate, rally, march, stage … protest, stage … demonstration, hold … protest, hold … demonstration, take to … streets, protested, protest against |
142 | hunger strike, go on … hunger strike |
143 | go on strike, went on strike, strike for, boycott, walk off |
144 | block … roads, block … streets, blocked … streets, barricade, blockade … road |
145 | riot, rioted, clash with police |
150 | conduct … exercises, hold … exercises, stage … exercises, conduct … drills, hold … drills, stage … drills, military exercises, military drills, parade, show … force, display … weapons, showcase … missiles, stage … parade, hold … parade | joint combined: 062
152 | put … on alert, place … on alert, raise … alert, high alert, heightened alert, raise … readiness |
154 | deploy, mass … troops, reinforce, mobilize, mobilise, build up, strengthen … forces, bolster … forces, beef up, send … warships, send … troops, station | cyber: 155
1561 | test-fire, test fire, fire … missile, launch … missile, launch … missiles, launch … rocket, launch … icbm, launch … projectile, fire … missiles, fire … projectiles, fire … rockets, missile test, missile launch |
1562 | conduct … nuclear test, carry out … nuclear test, detonate … nuclear device, nuclear test, test … nuclear device, test … nuclear weapon |
1563 | test … engine, test … system, test … weapon, test … warhead |
160 | reduce … ties, downgrade … relations, downgrade … ties, withdraw from … treaty, withdraw from … agreement, suspend … agreement, scrap … agreement, abrogate |
161 | sever … ties, sever … relations, break off … relations, break off … ties, cut … diplomatic ties, cut … ties, recall … ambassador, expel … diplomats, expel … diplomat, close … embassy, cancel … visit, cancel … meeting |
162 | cut … aid, suspend … aid, halt … aid, cut off … aid, stop … aid, freeze … aid, withhold … aid | military: 1622; humanitarian: 1623; economic: 1621
163 | impose … sanctions, slap … sanctions, sanction, embargo, blacklist, freeze … assets, impose … embargo, impose … tariffs, impose … boycott, tighten … sanctions, expand … sanctions, new sanctions |
164 | break off … talks, suspend … talks, call off … talks, walk out of, halt … negotiations, halt … talks, end … talks, pull out of … talks, cancel … talks, abandon … talks |
165 | halt … mediation, end … mediation, withdraw … mediation |
166 | expel … inspectors, withdraw … peacekeepers, expel … aid workers, expel … monitors, withdraw … inspectors, evacuate … peacekeepers, shipped out | inspectors monitors observers: 1662; peacekeepers: 1661; aid workers agencies: 1663
171 | seize, confiscate, impound, destroy, demolish, raze, torch, set fire to | confiscate confiscated impound impounded: 1711; destroy destroyed demolish demolished raze razed torched burned: 1712
172 | ban, impose … curfew, declare … martial law, declare … state of emergency, restrict … freedom, outlaw, censor, dissolve … party | curfew: 1723; martial law emergency siege: 1724; party parties opposition: 1722; freedom press speech media: 1721
173 | arrest, detain, jail, imprison, apprehend, indict, charge … with, take into custody, round up |
174 | deport, expel |
175 | crack down, suppress, repress, quell | 
176 | cyberattack, cyber-attack, hack, launch … cyber |
181 | kidnap, abduct, hijack, take … hostage, seize … hostage |
182 | beat, assault | torture tortured: 1822; rape raped: 1821
1822 | torture |
183 | bomb … market, set off … bomb, detonate … bomb, bomb attack, explode … bomb, car bomb, suicide bomb, suicide attack, roadside bomb | suicide: 1831; car: 1832; roadside: 1833
185 | attempt … assassinate, try … assassinate, assassination attempt |
186 | assassinate |
190 | attack, fight, clash, strike, raid, storm, ambush, invade, kill, fire on, open fire, launch … offensive, launch … attack, carry out … attack, carry out … attacks, wage … war, retaliate, shoot down, engage | aircraft jets warplanes bombers planes helicopters helicopter drone drones air: 195; artillery tank tanks mortar mortars shells shelling rockets: 194; gun guns rifle rifles gunmen gunfire small arms: 193; blockade: 191; occupy territory annex: 192
191 | blockade, besiege, lay siege, seal off, close … border, restrict … movement |
192 | occupy, annex, seize … territory, capture, overrun, take control of |
193 | shoot, open fire, gun down |
194 | shell, bombard, pound |
195 | bomb, air strike, airstrike, air raid, airstrikes, air strikes, bomb from air | drone drones: 1952; precision-guided guided: 1951
196 | violate … ceasefire, break … ceasefire, violate … truce, break … truce |
2041 | use … chemical weapons, chemical attack, gas attack, use … biological weapons, use … poison gas |
2042 | use … nuclear weapons, nuclear attack, nuclear strike, drop … atomic bomb, launch … nuclear strike, nuclear strikes |
201 | expel … population, mass expulsion, drive out … residents |
202 | massacre, slaughter, mass killing, mass killings |
203 | ethnic cleansing |
!0 | strike … balance, strike … tone, attack ads |
`;
