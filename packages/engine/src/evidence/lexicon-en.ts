/**
 * Brink's English predicate dictionary: verbs, verb phrases, light-verb collocations and event nouns
 * that express CAMEO events, with the more specific codes their objects select. Written for Brink from
 * the definitions of the CAMEO 1.1b3 categories (Schrodt 2012, chapter 2: each code's description and
 * usage notes), in Brink's own selection of words; not taken from PETRARCH's dictionaries and not
 * fitted to the codebook's example sentences.
 *
 * Format, one rule per line: `code | triggers | refinements` (./lexicon.ts):
 * - a trigger is words separated by spaces; the first word is a verb and matches all its inflections
 *   (visit, visits, visited, visiting); later words match as written, with a plural -s or inflected;
 *   `…` allows up to five words in between (impose … sanctions), `…+` at least one (want …+ to: "want
 *   X to", not "want to"). A word may end in `*` to match any ending.
 * - `@code` lines list event nouns, coded only as the object of a light verb up to five words before
 *   them (staged a two-day protest, carried out a massacre, held joint naval exercises); a stopping
 *   verb reverses them (called off the strike = 082, cancelled the visit = 161; ./speech-acts.ts).
 * - refinements `word word: code;` look at the words of the clause (inflections included); the words
 *   are alternatives, any one selects the code. `word_word` is a phrase, matched only as those words
 *   in a row (step_down: "stepped down", not "calm down"); `=word` only inside the trigger's own words.
 * - `!0` lines are phrases that contain a trigger but are no event (release a statement, free trade).
 * Statement verbs (say, tell, add) are claims (./claims.ts), never events: CAMEO 010 is not coded.
 */

export const EN_LEXICON = `
011 | decline … comment, refuse … comment, declined comment, refrain from … comment*, decline … discuss |
012 | doubt that, worry that, regret that, express … concern, voice … concern, express … pessimism, voice … pessimism, express … doubt, voice … doubt, express … skepticism, express … scepticism, voice … skepticism, express … fear, voice … fear, express … alarm, express … worry, raise … concern, be skeptical, be sceptical, be pessimistic, be worried, be concerned, be doubtful, be gloomy, be alarmed, fear that, cast doubt |
013 | hope that, express … optimism, voice … optimism, express … hope, express … confidence, voice … confidence, be optimistic, be hopeful, be confident, be upbeat, be encouraged, see … progress |
014 | consider, weigh, mull, ponder, contemplate, explore … possibility, explore … option, explore … idea, study … option, study … proposal, study … possibility, review … option, review … policy, look at … option, debate whether |
015 | claim … responsibility, claim … credit, take … responsibility, accept … responsibility, admit … responsibility, acknowledge, admit, confess |
016 | deny, dismiss … charge, dismiss … accusation, dismiss … allegation, dismiss … claim, dismiss … report, reject … accusation, reject … charge, reject … allegation, reject … claim, refute, rebut, brush aside … accusation, brush aside … charge |
017 | lay … wreath, hold … vigil, observe … silence, attend … funeral, attend … memorial, pay … tribute, pay … respects, pay … homage, light … candles, commemorate, mark … anniversary, honour … victims, honor … victims, fly … flag | efforts role contribution work leadership courage: 051
018 | express … condolence*, offer … condolence*, send … condolence*, express … sympathy, offer … sympathy, express … sorrow, express … grief, express … solidarity, mourn, sympathize, sympathise, console, commiserate |
019 | agree that, agree there, agree on … need, share … view, share … concern, hold … identical view, hold … similar view, concur, see eye to eye, reach … consensus, reach … understanding, be of one mind |
020 | urge, call on, call upon, call for, appeal, ask, request, plead, implore, beseech, entreat, exhort, beg, petition, invite, encourage …+ to, press …+ to, push …+ to, want …+ to, lobby …+ to, pressure …+ to, press for, push for, seek | aid assistance relief help: 023; humanitarian food medicine medical refugees shelter: 0233; weapons arms: 0232; loan loans debt financial funds money compensation: 0231; peacekeepers peacekeeping protection: 0234; talks negotiations negotiate dialogue meeting meet summit visit: 026; settle settlement resolve peacefully: 027; mediate mediation mediator broker: 028; release free freeing repatriate: 0253; sanctions embargo: 0254; ceasefire truce restraint de-escalate withdraw withdrawal calm: 0256; resign step_down: 0241; reform reforms elections election constitution: 024; rights: 0243; extradite extradition: 0213; information intelligence: 0214; trade investment economic: 0211; cooperate cooperation: 021; support backing recognition: 022
030 | promise, pledge, vow, offer, agree to, agree on, agree upon, commit, undertake to, volunteer, propose, be willing, be ready, be prepared, be open to, express … willingness, express … readiness, signal … willingness, signal … readiness, accept … invitation | talks negotiate negotiations meet meeting summit dialogue visit invitation: 036; weapons arms military_aid: 0332; aid assistance grant grants: 033; humanitarian food medicine: 0333; loan loans credit: 0331; peacekeepers peacekeeping: 0334; joint_exercise: 0312; military cooperation defence defense security: 0312; trade economic investment free-trade_pact: 0311; intelligence information: 0314; extradite extradition judicial: 0313; cooperate cooperation: 031; sanctions embargo: 0354; release free: 0353; ceasefire truce withdraw withdrawal de-escalate pull: 0356; mediate mediation: 039; settle settlement resolve: 037; reform reforms democratize democracy elections election constitution: 034; rights: 0343; support: 032
037 | accept … formula, accept … plan, accept … proposal, accept … settlement, accept … compromise, accept … peace plan, accept … peace proposal |
038 | accept … mediation, accept … mediator, agree to … mediation |
040 | meet, confer, consult, discuss, sit down with, get together, hold … meeting, hold … summit, hold … consultations, hold … discussions |
@040 | meeting, summit, consultations, conference |
041 | phone, telephone, speak by telephone, speak by phone, talk by phone, talk by telephone, speak over … phone |
@041 | phone call, telephone call, phone conversation, telephone conversation, phone talks, telephone talks, video call, video conference |
042 | visit, travel to, arrive in, arrive at, fly to, go to, come to, tour, land in, head to, return to, make … trip to | peacekeeping peacekeepers: 074; supplies medicine medicines medical aid relief food: 073; talks negotiations table: 046; work: 082
@042 | visit, trip, tour, state visit |
043 | host, play host to, welcome … delegation, welcome … visiting, receive … delegation, receive … visiting, receive … president, receive … minister, receive … king, receive … leader, receive … envoy, receive … prime minister, receive … ambassador, receive … foreign minister, receive … counterpart, receive … emissary, receive … guest |
045 | mediate, broker, act as … mediator, shuttle between | ceasefire truce: 045
@045 | mediation, mediation mission, mediation effort, shuttle diplomacy |
046 | negotiate, bargain, engage in … talks, sit down … talks, resume … talks, renew … talks |
@046 | talks, negotiations, discussions, dialogue, peace talks, round of talks, negotiating session |
050 | reopen … embassy, restore … flights, resume … flights, establish … ties, strengthen … ties, improve … ties, improve … relations, restore … ties, restore … relations, normalize … relations, normalise … relations, normalize … ties, normalise … ties, mend … ties, mend … relations, forge … ties, boost … ties, deepen … ties, upgrade … ties, upgrade … relations, build … relations, develop … relations, warm … ties, reconcile, patch up |
051 | praise, commend, hail, applaud, welcome, endorse, laud, compliment, salute, congratulate, back, support, thank, speak highly of, express … support, voice … support, express … appreciation, express … gratitude |
052 | defend, justify, come to … defence, come to … defense, stand by, speak up for, vouch for |
053 | rally … support, lobby for, campaign for, drum up … support, mobilize … support, mobilise … support, canvass … support |
054 | recognize, recognise, establish … diplomatic relations, establish … diplomatic ties, grant … recognition, extend … recognition, accord … recognition |
055 | apologize, apologise, express … regret, offer … apology, say … sorry |
@055 | apology |
056 | forgive, pardon, grant … amnesty |
@056 | amnesty |
057 | sign, ratify, conclude … agreement, conclude … treaty, conclude … accord, reach … agreement, reach … deal, reach … accord, finalize … agreement, finalise … agreement, finalize … deal, strike … deal, seal … deal, seal … agreement, ink |
@057 | agreement, treaty, accord, pact, deal, peace deal, peace agreement, memorandum |
060 | cooperate, collaborate, work together, join forces, team up, partner with, share … expertise, share … technology, share … know-how | military defence defense security troops army navy exercises submarines weapons: 062; police judicial extradition crime criminals drug drugs traffickers trafficking smuggling terrorism justice: 063; intelligence information: 064; trade economic investment energy gas oil economy business nuclear_power: 061
061 | trade with, invest, export, import, expand … trade, boost … trade, increase … trade, open … markets, buy … gas, buy … oil, sell … gas, sell … oil |
@061 | trade, investment, investments, trade links |
062 | train … troops, train … soldiers, train … forces, train … army, train … officers, train … pilots |
@062 | joint exercises, joint drills, joint patrols, joint operation, joint military operation, joint military exercises, joint naval exercises, joint maneuvers, joint manoeuvres, joint military drills, joint naval drills, joint war games |
063 | extradite, hand over … suspect, hand over … fugitive, hand over … militant, transfer … suspect |
064 | share … intelligence, share … information, share … evidence, share … data, exchange … information, exchange … intelligence, exchange … data, provide … information, provide … intelligence, pass … information, pass … intelligence, hand over … evidence, hand over … documents |
070 | aid, assist, help, supply, provide … aid, give … aid, send … aid, deliver … aid, provide … assistance, give … assistance, send … assistance, provide … support, provide … help, send … help, donate, contribute, send … supplies, deliver … supplies, provide … supplies, airlift, fund | humanitarian food medicine medicines medical relief refugees shelter blankets tents water vaccines survivors victims rescue: 073; military weapons arms missiles ammunition equipment drones tanks jets: 072; economic financial loan loans credit budget money grant funds dollars oil fuel cash: 071; peacekeepers peacekeeping: 074
@070 | aid, assistance, aid package, relief supplies, supplies, help |
071 | lend, loan, waive … debt, reschedule … debt, restructure … debt, provide … loan, grant … loan, provide … credit, grant … credit, extend … credit, extend … loan, provide … funds, provide … funding, provide … money, grant … funds, write off … debt, forgive … debt, cancel … debt, deposit, bail out, finance, give … grant, provide … grant, approve … loan, approve … credit, approve … grant, approve … funding, approve … financing, ship … fuel, send … fuel, deliver … fuel, supply … fuel |
072 | supply … weapons, supply … arms, supply … missiles, supply … ammunition, supply … drones, supply … tanks, supply … jets, sell … arms, sell … weapons, sell … missiles, sell … jets, sell … tanks, sell … drones, provide … weapons, provide … arms, provide … missiles, deliver … weapons, deliver … missiles, deliver … arms, deliver … tanks, send … weapons, send … arms, ship … weapons, ship … arms, transfer … weapons, arm, supply … military | peacekeepers peacekeeping: 074
073 | send … rescue, send … rescuers, send … medical teams, send … doctors, dispatch … rescue, dispatch … rescuers, dispatch … medical teams, send … food, deliver … food, provide … food, distribute … food, provide … relief, send … relief, deliver … relief, send … medicine, deliver … medicine, provide … medicine, send … medical, provide … medical, provide … vaccines, send … vaccines, deliver … vaccines, hand over … medicine, hand over … food, feed, rescue, evacuate … civilians |
074 | deploy … peacekeepers, send … peacekeepers, provide … peacekeepers, send … peacekeeping, deploy … peacekeeping, contribute … peacekeepers |
075 | grant … asylum, give … asylum, grant … refuge, give … refuge, grant … sanctuary, offer … asylum, offer … refuge, shelter, take in … refugees, accept … refugees, accept … asylum seekers, accept … migrants, admit … refugees, resettle … refugees |
@075 | asylum, political asylum, refuge, sanctuary |
080 | yield, concede, back down, give in, relent, compromise, cave in, comply with, make … concession, bow to … pressure, retreat from, drop … demand, drop … plan, drop … claim, drop … objection, abandon … plan, abandon … claim, withdraw … bill, withdraw … plan, withdraw … proposal, withdraw … objection, withdraw … decision, withdraw … rise, withdraw … increase, withdraw … tax, reverse … decision, reverse … policy, scrap … tax, scrap … plan, pay … compensation, pay … reparations, allow, permit, let … into | policy law bill tax taxes plan decision price prices rise increase: 0832; resign step_down: 0831; rights: 0833; candidate candidates party parties election elections: 0812; rally rallies protest march demonstration: 0833; inspectors inspection inspections monitors observers investigators: 0862; aid convoy convoys access humanitarian relief: 0863; peacekeepers peacekeeping: 0861; refugees asylum: 075
@080 | concession, concessions |
081 | lift … ban, lift … restrictions, ease … restrictions, relax … restrictions, cancel … restrictions, remove … restrictions, lift … curfew, ease … curfew, end … curfew, lift … martial law, end … martial law, lift … state of emergency, end … state of emergency, ease … emergency measures, lift … emergency measures, ease … controls, relax … controls, unban, legalize … party, legalise … party, restore … freedoms, restore … internet | blockade siege: 0872; curfew: 0813; martial_law emergency: 0814; party parties candidate candidates opposition: 0812; press freedom freedoms speech media internet newspaper: 0811
082 | return to work, call off … protest, call off … strike, end … protest, end … strike |
083 | accede, meet … demands, oust, overthrow, topple, depose, accept … demands, agree to … demands, grant … demands, give in to … demands, bow to … demands, heed … demands, heed … calls, resign, step down, quit | resign resigned step_down quit leadership power oust ousted overthrow overthrew topple toppled depose deposed: 0831; policy law bill price tax: 0832; rights freedom freedoms: 0833; constitution institutions reform reforms: 0834
084 | release, free, return, hand over, repatriate, hand back, give back, set … free, let … go, swap … prisoners, exchange … prisoners | prisoner prisoners hostage hostages detainee detainees captive captives soldier soldiers fishermen citizens crew people journalist journalists activists nationals tourist tourists worker workers sailors pilot sailors civilians students leaders leader: 0841; suspect suspects fugitive fugitives militant militants criminal criminals: 063; medicine food aid supplies relief: 073; weapons arms: 0873; power control authority: 0831; property assets remains bodies land ship ships vessel vessels helicopter aircraft plane artefacts: 0842
085 | lift … sanctions, ease … sanctions, suspend … sanctions, relax … sanctions, remove … sanctions, waive … sanctions, end … sanctions, lift … embargo, end … embargo, ease … embargo, lift … tariffs, remove … tariffs, unfreeze … assets, lift … boycott, end … boycott |
086 | allow … inspectors, admit … inspectors, accept … inspectors, receive … inspectors, receive … observers, receive … monitors, allow … monitors, admit … monitors, allow … observers, allow … access, grant … access, allow … aid, allow … convoys, accept … peacekeepers, allow … peacekeepers, open … to inspectors, permit … inspection | inspectors inspector inspections monitors observers investigators: 0862; aid humanitarian relief convoys convoy access: 0863; peacekeepers peacekeeping: 0861
087 | withdraw … troops, withdraw … forces, withdraw … soldiers, withdraw … tanks, withdraw … army, withdraw from, pull out, pull back, pull … out, pull … back, scale back … exercises, scale back … drills, de-escalate, stand down, retreat, disengage, dismantle … checkpoints, dismantle … roadblocks, lift … siege, reopen … border, reopen … crossing, reopen … corridor, open … border, open … crossing, open … corridor | demobilize demobilized disarm disarmed: 0873; surrender: 0874; aid convoy convoys humanitarian relief: 0863; blockade siege border crossing corridor: 0872
0871 | declare … ceasefire, declare … truce, announce … ceasefire, announce … truce, declare … cease-fire |
@0871 | ceasefire, cease-fire, truce, armistice |
0873 | demobilize, demobilise, disarm, lay down … arms, lay down … weapons, decommission, disband … militia, disband … forces, hand over … weapons, give up … weapons |
0874 | surrender, capitulate |
090 | investigate, probe, examine, look into, inquire into, send … investigators, dispatch … investigators, send … fact-finding, dispatch … fact-finding | war_crimes genocide atrocities atrocity: 094; human_rights abuses abuse torture violations rights: 092; military attack strike shelling shooting air airstrike bombing raid ceasefire incursion: 093; corruption crime fraud embezzlement murder killing bribery smuggling theft: 091
@090 | investigation, inquiry, enquiry, probe, fact-finding mission, commission of inquiry, audit |
100 | demand, insist, insist on, order, issue … demand, press … demand, renew … demand, reiterate … demand | release free freeing return: 1053; withdraw withdrawal ceasefire pull leave de-escalate: 1056; resign resignation step_down: 1041; compensation aid reparations funds: 103; talks negotiations meeting: 106; sanctions embargo: 1054; cancel abandon change policy: 1042; rights: 1043; reform reforms elections election constitution: 104; mediation: 108; settle: 107; cooperate: 101; recognition support: 102; inspectors access: 1055
@100 | demand, demands |
@020 | appeal, appeals, plea, pleas, petition, petitions, request, requests |
110 | disapprove, object to, oppose, express … opposition, voice … opposition, express … disapproval, express … displeasure, express … dismay, express … anger, voice … anger, express … outrage, express … indignation, take … issue with, frown on |
111 | criticize, criticise, condemn, denounce, decry, slam, blast, rebuke, censure, deplore, lash out, chide, castigate, assail, berate, scold, disparage, hit out at, lambast, lambaste, excoriate, reproach, fault, deride, ridicule, vilify |
112 | accuse, blame, allege, indict, charge … with, level … accusation, level … charge, point … finger, hold … responsible | aggression attack attacks invasion provocation provoking incursion: 1123; war_crimes genocide atrocities: 1124; espionage spying treason spy: 1125; human_rights abuses torture: 1122; corruption crime fraud smuggling murder killing killings terrorism: 1121
113 | rally … opposition, mobilize … against, mobilise … against, campaign against, organize … opposition, organise … opposition, unite against |
114 | protest to, lodge … protest, lodge … complaint, file … complaint, complain, summon … ambassador, summon … envoy, summon … diplomat, summon … charge, send … protest note |
115 | sue, file … lawsuit, file … suit, file … case, take … to court, bring … lawsuit, bring … case, take … legal action |
@115 | lawsuit, legal action, legal case |
116 | convict, sentence, find … guilty, find … liable, hand down … sentence, condemn … to death, rule against |
120 | reject, refuse, rebuff, turn down, spurn, snub, shun, decline, rule out, dismiss, quash, torpedo … plan, torpedo … deal, torpedo … talks, say no to, deny … request, deny … permission, deny … entry, deny … access, deny … visa, deny … allocation, renege on, back out of, go back on, balk at | talks negotiations meet meeting proposal offer invitation dialogue summit: 125; aid assistance: 122; cooperation cooperate: 121; mediation mediator mediate: 126; plan agreement settlement deal peace: 127; demands demand: 124; reform reforms elections: 123
128 | defy, flout, violate … resolution, violate … law, violate … agreement, violate … sanctions, violate … embargo, violate … accord, violate … treaty, violate … rules, violate … constitution, breach, ignore … resolution, ignore … ruling, ignore … order, ignore … warning, ignore … call, ignore … demand, ignore … ban, disobey, break … law, break … rules, break … promise |
129 | veto, block … resolution, block … bill, block … proposal |
@129 | veto |
130 | threaten, warn of, warn … consequences, warn … against, vow … revenge, vow … retaliation, menace | nuclear atomic chemical biological: 1385; attack attacks strike strikes war force military invade invasion retaliate retaliation destroy fight offensive: 138; sanctions embargo boycott tariffs: 1312; sever ties relations diplomatic: 1313; halt_talks talks walk_out negotiations: 134; mediation: 135; blockade: 1381; occupy occupation annex: 1382; aid assistance: 1311; arrest arrests crackdown repression jail: 137; strike strikes protest protests demonstrations: 133
@130 | threat, threats, warning, warnings |
139 | issue … ultimatum, give … ultimatum, deliver … ultimatum, set … deadline |
@139 | ultimatum |
140 | collect … signatures, gather … signatures, sign … petition |
141 | demonstrate, rally, march, protest, picket, take to … streets, turn out in |
@141 | protest, protests, demonstration, demonstrations, rally, rallies, march, sit-in, street protests, protest march, mass rally, mass protest |
@142 | hunger strike |
143 | go on strike, walk out, walk off … job, down tools, stop work, stay away from work, shun work, boycott, strike for, strike over, strike against |
@143 | strike, strikes, general strike, boycott, work stoppage, walkout, stoppage |
144 | block … road, block … roads, block … street, block … streets, block … highway, block … bridge, block … railway, block … traffic, block … entrance, block … access, block … border crossing, barricade, obstruct |
145 | riot, clash with … police, clash with … security forces, throw … stones, throw … rocks, throw … petrol bombs, throw … molotov, hurl … stones, hurl … rocks, loot, resort to … violence |
@145 | riot, riots, violent protest, violent protests, rioting |
150 | show … force, display … weapons, display … missiles, showcase … missiles, showcase … weapons, flex … muscle, parade, patrol, put on … show of force | =joint =combined: 062
@150 | exercises, exercise, drills, military exercises, military drills, maneuvers, manoeuvres, war games, live-fire drills, live-fire exercises, military parade, show of force, patrols, naval exercises, naval drills | =joint =combined: 062
152 | put … on alert, place … on alert, raise … alert, raise … readiness, raise … combat readiness, heighten … alert, increase … readiness, go on … alert, be on … alert, remain on … alert, stay on … alert, put … on high alert, place … on high alert | police: 151
@152 | alert, high alert, state of alert, combat readiness, maximum alert |
153 | tighten … security, step up … security, increase … police presence, step up … police patrols, deploy … police, send … police, send … riot police, mobilize … police |
@153 | police patrols, security measures, security operation |
154 | deploy, mass … troops, mass … forces, mass … tanks, reinforce, mobilize, mobilise, build up, strengthen … forces, bolster … forces, bolster … defences, bolster … defenses, beef up, send … warships, send … troops, send … tanks, send … jets, send … reinforcements, station, move … troops, move … tanks, move … forces, amass, call up … reservists, increase … military presence, boost … military presence | police: 153; cyber: 155; peacekeepers peacekeeping: 074; help assist support: 072
1561 | test-fire, test fire, fire … missile, fire … missiles, fire … ballistic, fire … rocket, fire … rockets, fire … projectile, fire … projectiles, launch … missile, launch … missiles, launch … rocket, launch … icbm, launch … ballistic, launch … projectile, test … missile, test … missiles, test … rocket |
@1561 | missile test, missile launch, test launch, test-firing, missile tests |
1562 | detonate … nuclear device, test … nuclear device, test … nuclear weapon, test … nuclear bomb, test … atomic bomb |
@1562 | nuclear test, atomic test, nuclear tests, underground nuclear test |
1563 | test … engine, test … system, test … weapon, test … warhead, test … hypersonic |
@1563 | weapons test, weapons tests |
160 | withdraw from … treaty, withdraw from … agreement, withdraw from … accord, withdraw from … pact, withdraw from … alliance, pull out of … treaty, pull out of … agreement, suspend … agreement, suspend … cooperation, freeze … cooperation, scrap … agreement, scrap … deal, abrogate, suspend … flights, suspend … air links, cut … links, halt … cooperation, end … cooperation |
@160 | suspension |
161 | sever … ties, sever … relations, break off … relations, break off … ties, cut … diplomatic ties, cut … diplomatic relations, cut … ties, break … diplomatic relations, recall … ambassador, recall … envoy, withdraw … ambassador, expel … diplomats, expel … diplomat, expel … ambassador, expel … envoy, expel … attache, close … embassy, close … consulate, downgrade … relations, downgrade … ties, reduce … ties, cancel … visit, postpone … visit, cancel … meeting, suspend … diplomatic relations, suspend … ties, declare … persona non grata |
162 | cut … aid, suspend … aid, halt … aid, cut off … aid, stop … aid, freeze … aid, withhold … aid, reduce … aid, slash … aid, end … aid, prohibit … aid, cut … assistance, suspend … assistance, halt … assistance, freeze … assistance, cut … funding, suspend … funding, freeze … funding, halt … funding, reduce … supplies, cut … supplies | military: 1622; humanitarian food relief: 1623; economic financial budget development: 1621
163 | impose … sanctions, slap … sanctions, tighten … sanctions, expand … sanctions, extend … sanctions, sanction, embargo, blacklist, freeze … assets, impose … embargo, impose … tariffs, impose … boycott, ban … imports, ban … exports, ban … trade, halt … imports, suspend … imports, suspend … trade, halt … trade |
@163 | sanctions, new sanctions, embargo, arms embargo, trade ban, tariffs, punitive tariffs |
164 | walk out of, quit … talks, break off … talks, break off … negotiations, pull out of … talks, withdraw from … talks, withdraw from … negotiations |
165 | withdraw from … mediation, pull out of … mediation |
166 | expel … inspectors, expel … monitors, expel … observers, expel … peacekeepers, expel … aid workers, expel … aid agencies, expel … aid agency, withdraw … peacekeepers, withdraw … inspectors, withdraw … monitors, withdraw … observers, order …+ to leave, force … out, kick out, throw out | population residents villagers inhabitants families homes minority villages: 201; inspectors inspector monitors observers investigators: 1662; peacekeepers peacekeeping: 1661; aid aid_workers agencies agency relief charity charities ngo ngos unhcr: 1663; diplomat diplomats ambassador envoy: 161; journalist journalists reporters correspondent correspondents activist activists national nationals citizens workers foreigners migrants: 174
170 | coerce, force …+ to, prevent … demonstration, prevent … protest, prevent … rally, prevent … march, prevent … meeting, break up … meeting, intimidate |
171 | seize, confiscate, impound, destroy, demolish, raze, torch, set fire to, burn, bulldoze, sabotage, blow up, vandalize, vandalise, expropriate, nationalize, nationalise | hostage hostages tourist tourists engineer engineers journalist journalists worker workers people civilians passengers children schoolchildren priest priests nationals foreigners crew sailors fishermen: 181; control town towns city village villages territory area region airport base island islands positions province: 192; confiscate confiscated impound impounded expropriate nationalize nationalise property assets land: 1711; destroy demolish raze torch burn burned burnt blow blew bulldoze homes houses: 1712
172 | ban, outlaw, censor, bar … from, prohibit, impose … curfew, impose … martial law, impose … state of emergency, impose … restrictions, declare … martial law, declare … state of emergency, declare … curfew, declare … emergency, restrict … freedom, restrict … access, restrict … media, restrict … press, dissolve … party, dissolve … parliament, suspend … newspaper, suspend … constitution, suspend … parliament, shut down … newspaper, shut down … internet, shut down … websites, shut down … media, close … newspaper, close … radio, close … television, block … websites, block … access, extend … curfew, extend … state of emergency, extend … martial law, restrict … movement | curfew: 1723; martial_law emergency siege: 1724; party parties opposition candidate candidates: 1722; freedom freedoms press speech media internet websites website newspaper newspapers journalists television radio broadcasts: 1721
@172 | curfew, martial law, state of emergency, state of siege, emergency rule, ban |
173 | arrest, detain, jail, imprison, apprehend, charge … with, take into custody, round up, lock up, nab, put … on trial, press … charges, issue … warrant, hold … in custody, prosecute |
@173 | arrest, arrests, detention, arrest warrant |
174 | deport, expel, evict, order …+ to leave, send back, send … back, banish, exile |
175 | crack down, clamp down, suppress, repress, quell, stamp out, use … tear gas, use … force, use … rubber bullets, use … water cannon, use … batons, fire … tear gas, disperse, break up … protest, break up … demonstration, break up … rally, break up … crowd, beat … protesters, beat … demonstrators |
@175 | crackdown, repression |
176 | cyberattack, cyber-attack, hack, launch … cyber |
@176 | cyberattack, cyber attack, cyber-attack, hacking attack, cyberattacks |
180 | terrorize, terrorise |
181 | kidnap, abduct, hijack, take … hostage, seize … hostage, hold … hostage, snatch |
@181 | kidnapping, abduction, hijacking |
182 | beat, assault, stab, abuse, wound, injure, maim, mistreat, ill-treat, maltreat, whip, flog, abuse … detainees, abuse … prisoners, sexually abuse, sexually assault, lynch, rape | torture tortured: 1822; rape raped sexually: 1821; lynch lynched: 1823
1823 | murder, lynch, beat … to death, hack … to death, stone … to death |
1822 | torture |
183 | bomb … market, bomb … bus, bomb … station, bomb … mosque, bomb … church, bomb … hotel, set off … bomb, set off … explosive, set off … device, detonate … bomb, detonate … explosive, detonate … device, detonate … car bomb, explode … bomb, plant … bomb, blow … himself up, blow … themselves up, blow … herself up | suicide himself themselves herself: 1831; car: 1832; roadside: 1833
@183 | bombing, bombings, car bomb, car bombing, suicide bombing, roadside bomb, roadside bombing, suicide attack, bomb attack, bomb attacks, suicide bombings | suicide: 1831; car: 1832; roadside: 1833
184 | use … as human shield, use … as human shields, hold … as human shields |
185 | attempt … assassinate, try … assassinate, attempt … kill, try … kill, plot … assassinate, plot … kill |
@185 | assassination attempt, attempt on … life |
186 | assassinate |
@186 | assassination |
190 | attack, fight, clash, strike, raid, storm, ambush, invade, kill, fire on, counterattack, counter-attack, intercept, sink, down … plane, down … jet, down … helicopter, down … drone, torpedo, launch … offensive, launch … attack, carry out … attack, wage … war, retaliate, shoot down, battle, repel, exchange … fire, return … fire, target | aircraft jets warplanes bombers planes helicopters helicopter drone drones air: 195; artillery tank tanks mortar mortars shells shelling rockets: 194; gun guns rifle rifles gunmen gunfire small_arms: 193; blockade: 191; occupy territory annex: 192; chemical sarin chlorine gas nerve mustard poison: 2041; =nuclear =atomic: 2042
@190 | attack, attacks, offensive, assault, raid, raids, fighting, war, hostilities, battle, ambush, incursion, counteroffensive, counter-offensive, military operation, military strike, military strikes, ground offensive, ground operation, military action, armed attack | aircraft jets warplanes bombers planes helicopters helicopter drone drones air: 195; artillery tank tanks mortar mortars shells shelling rockets: 194; chemical sarin chlorine gas nerve mustard poison: 2041; =nuclear =atomic: 2042
191 | blockade, besiege, lay siege, seal off, cordon off, surround, close … airspace, shut … border, close … border, restrict … movement, impose … blockade, tighten … blockade, enforce … blockade, encircle |
@191 | blockade, siege, naval blockade |
192 | occupy, annex, liberate, seize … territory, seize … town, seize … towns, seize … city, seize … village, seize … villages, seize … control, seize … land, seize … base, seize … airport, seize … area, seize … region, seize … island, capture, overrun, take … control of, take over, retake, recapture |
@192 | occupation, annexation |
193 | shoot, open fire, gun down, fire … shots, fire … bullets, shoot … dead |
@193 | gunfire, gunbattle, gun battle, firefight, shootout |
194 | shell, bombard, pound, fire … artillery, fire … mortars, fire … shells |
@194 | shelling, artillery fire, mortar fire, rocket fire, bombardment, rocket attack, rocket attacks, artillery barrage, artillery, mortar, rocket |
195 | bomb, strafe, drop … bombs, bomb from air | drone drones unmanned: 1952; precision-guided guided smart: 1951; chemical chlorine sarin gas: 2041; atomic nuclear: 2042
@195 | air strike, air strikes, airstrike, airstrikes, air raid, air raids, bombing raid, bombing raids, aerial bombardment, drone strike, drone strikes, missile strike, missile strikes | drone drones: 1952
196 | violate … ceasefire, violate … truce, violate … armistice, break … ceasefire, break … truce, breach … ceasefire, breach … truce |
@196 | ceasefire violation, ceasefire violations, truce violation |
201 | expel … population, expel … residents, expel … villagers, expel … inhabitants, expel … minority, expel … thousands, expel … tens of thousands, expel … hundreds of thousands, drive out, drive …+ out, force … from … homes, uproot |
@201 | mass expulsion, mass expulsions, forced displacement, forced expulsion |
202 | massacre, slaughter, exterminate, commit … genocide, commit … massacre, commit … atrocities |
@202 | massacre, massacres, mass killing, mass killings, mass murder, genocide, mass execution, mass executions, slaughter, pogrom |
203 | ethnically cleanse |
@203 | ethnic cleansing |
2041 | use … chemical weapons, use … biological weapons, use … poison gas, use … nerve gas, use … sarin, use … chlorine, use … mustard gas, use … chemical, gas |
@2041 | chemical attack, gas attack, chemical weapons attack, chemical attacks |
2042 | use … nuclear weapons, use … atomic bomb, drop … atomic bomb, drop … atomic bombs, drop … nuclear bomb, drop … nuclear bombs, launch … nuclear strike |
@2042 | nuclear attack, nuclear strike, atomic bombing, nuclear strikes |
!0 | strike … balance, strike … tone, strike … chord, attack ads, fire … official, fire … employee, fire … coach, fire … manager, fire … director, shoot … film, shoot … video, shoot … scene, release … statement, release … report, release … figures, release … data, release … results, release … video, release … film, release … album, release … water, release … details, release … information, release … names, release … budget, free … trade, free trade, free-trade, free market, free speech, free elections, return home, return … home, beat … record, break … record, set … record, hold … election, hold … elections, hold … vote, hold … referendum, hold … press conference, hold … news conference, receive … aid, receive … assistance, receive … weapons, receive … money, receive … funds, receive … support, receive … loan, receive … award, receive … prize, sign … decree, sign … law, sign … bill, sign … order, support … currency, back … home, back to, fund … research, help … economy, launch … satellite, launch … product, launch … campaign, launch … appeal, launch … book, launch … fund, consider … himself, consider … herself, consider … themselves, examine … patients, marching orders, deploy … resources, engage … public, engage with, exercise … right, exercise … restraint, exercise … power, exercise … caution, exercise … influence, visit … website, tour … exhibition, strike … gold, protest … innocence, demonstrate … commitment, demonstrate … ability, demonstrate … that, pound … sterling, host … event, host … conference, host … games, host … olympics, host … world cup |
`;
