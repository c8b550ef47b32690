/**
 * Generic agents: the actors news names by their role rather than by name ("police", "rebels", "the
 * government", "protesters", "opposition leaders", "Kenyan troops"; 警方, 叛軍, 政府, 示威者), with
 * CAMEO's agent codes.
 *
 * Source: CAMEO 1.1b3 (Schrodt 2012), chapter 3 "Actor codebook", the sector ("agent") codes that
 * follow a state code in a CAMEO actor (KENCOP = Kenyan police, USAGOV = US government): GOV
 * government, MIL military, COP police, REB rebels, INS insurgents, SEP separatists, UAF unidentified
 * armed forces, OPP opposition, PTY political party, LEG legislature, JUD judiciary, SPY
 * intelligence, MED media, EDU education, BUS business, CRM criminals, CVL civilians, LAB labour, AGR
 * agriculture, HLH health, REF refugees, ELI elites, REL religious, HRI human rights, RAD radicals, IGO and NGO
 * (inter- and non-governmental organisations). Words listed here, in Brink's own selection, name the
 * agent; the state comes from the words around them (a demonym, a possessive, "of/in/from X"), as in
 * CAMEO's coding of "Kenyan police" as KENCOP.
 *
 * Weak heads (officials, leaders, members, spokesman...) take the code of a stronger modifier before
 * them: "opposition leaders" is OPP, "military officials" MIL, "rebel commanders" REB.
 */

/** English agent nouns (lower case, singular and plural) and their CAMEO agent code. */
const EN_AGENTS: Record<string, string> = {};
/** Heads whose code yields to a modifier's ("opposition leaders" = OPP). */
export const EN_WEAK_AGENTS = new Set<string>();

function addEn(code: string, words: string, weak = false): void {
  for (const w of words.split(',').map((s) => s.trim()).filter(Boolean)) {
    EN_AGENTS[w] = code;
    if (weak) EN_WEAK_AGENTS.add(w);
  }
}

addEn('GOV', 'government, governments, authorities, authority, administration, regime, cabinet, ministry, ministries, presidency, palace, embassy, consulate, junta, state department, foreign ministry, interior ministry, defence ministry, defense ministry, finance ministry, premier, president, presidents, prime minister, chancellor, king, queen, emperor, prince, monarch, sultan, emir, governor, governors, mayor, mayors, ambassador, ambassadors, envoy, envoys, diplomat, diplomats, minister, ministers, secretary, secretaries, negotiator, negotiators, delegation, delegations, delegate, delegates, mediator, mediators, administrator, rulers, ruler, regimes, statesman, statesmen');
addEn('GOV', 'official, officials, leader, leaders, spokesman, spokesmen, spokeswoman, spokesperson, representative, representatives, chief, chiefs, head, heads, members, member, officers, officer, aide, aides, advisers, adviser, advisor, advisors, source, sources, team, teams, side, sides', true);
addEn('MIL', 'army, armies, military, militaries, troops, troop, soldier, soldiers, forces, force, navy, navies, air force, armed forces, marines, paratroopers, commandos, sailors, pilots, general, generals, commander, commanders, warplanes, warplane, jets, fighter jets, aircraft, warships, warship, gunboats, tanks, artillery, drones, helicopters, gunships, battalion, battalions, brigade, brigades, units, unit, garrison, peacekeeping force, defence forces, defense forces, coast guard, coastguard, militarymen, servicemen, conscripts, reservists');
addEn('COP', 'police, policeman, policemen, policewoman, police officers, police officer, riot police, gendarmes, gendarmerie, security forces, security force, border guards, border guard, border police, guards, guard, paramilitary police, constabulary, national guard');
addEn('REB', 'rebels, rebel, guerrillas, guerrilla, guerillas, guerilla, militants, militant, militia, militias, militiamen, fighters, jihadists, jihadist, rebel forces, rebel group, rebel groups, paramilitaries, paramilitary forces, paramilitary');
addEn('INS', 'insurgents, insurgent, insurgency');
addEn('SEP', 'separatists, separatist, secessionists');
addEn('RAD', 'fundamentalists, fundamentalist, islamists, islamist, radicals, hardliners, extremist groups, nationalists, ultranationalists, ultra-nationalists, loyalists');
addEn('CVL', 'supporters, followers, sympathizers, sympathisers, intellectuals, representatives of civil society, civil society, members of the public, the public', true);
addEn('UAF', 'gunmen, gunman, armed men, attackers, attacker, assailants, assailant, bomber, bombers, suicide bomber, suicide bombers, snipers, sniper, hijackers, hijacker, mob, mobs, terrorists, terrorist, extremists, extremist');
addEn('CRM', 'kidnappers, kidnapper, pirates, pirate, smugglers, smuggler, traffickers, trafficker, gangs, gang, gangsters, criminals, criminal, hackers, hacker, bandits, bandit, cartel, cartels, robbers, looters, rioters');
addEn('OPP', 'opposition, dissidents, dissident, protesters, protester, protestors, protestor, demonstrators, demonstrator, activists, activist, opponents, critics, strikers, marchers, campaigners');
addEn('PTY', 'party, parties, ruling party, opposition party, opposition parties, coalition');
addEn('LEG', 'parliament, parliaments, lawmakers, lawmaker, legislators, legislator, legislature, congress, senate, senators, senator, congressmen, congressman, deputies, mps, parliamentarians, assembly, house of representatives');
addEn('JUD', 'court, courts, judge, judges, judiciary, prosecutor, prosecutors, prosecutor general, attorney general, tribunal, magistrates, magistrate, supreme court, investigators, investigator, auditors, inspectors general');
addEn('SPY', 'intelligence, intelligence services, intelligence service, intelligence agency, spies, spy, intelligence officials, secret police, spy agency');
addEn('MED', 'media, newspaper, newspapers, journalists, journalist, reporters, reporter, broadcaster, broadcasters, press, news agency, state media, state television, television, radio, editors, editor, bloggers, blogger');
addEn('EDU', 'students, student, teachers, teacher, academics, professors, professor, scholars, scholar, university, universities, scientists, researchers, schoolchildren, pupils');
addEn('BUS', 'company, companies, firm, firms, businessmen, businessman, business leaders, businesses, investors, investor, corporation, corporations, banks, bank, traders, merchants, shopkeepers, manufacturers, industry, employers, airline, airlines, exporters, importers');
addEn('LAB', 'workers, worker, unions, union, trade unions, trade union, labour unions, labor unions, miners, miner, dockworkers, employees, labourers, laborers, drivers, truckers, truck drivers, taxi drivers');
addEn('AGR', 'farmers, farmer, peasants, fishermen, herders, landowners, growers');
addEn('HLH', 'doctors, doctor, nurses, nurse, medics, medical workers, health workers, hospital, hospitals, health ministry');
addEn('REF', 'refugees, refugee, migrants, migrant, asylum seekers, displaced people, displaced persons, evacuees');
addEn('CVL', 'civilians, civilian, residents, resident, villagers, villager, people, citizens, citizen, crowd, crowds, youths, youth, women, men, families, inhabitants, locals, population, passengers, tourists, mourners, voters, consumers, hostages, prisoners, prisoner, detainees, inmates, pilgrims, settlers, tribesmen, elders, veterans');
addEn('REL', 'church, churches, clergy, bishops, bishop, priests, priest, clerics, cleric, imams, imam, monks, pope, cardinal, archbishop, rabbis, mullahs');
addEn('ELI', 'elite, elites, tycoon, tycoons, nobles, aristocrats');
addEn('HRI', 'human rights groups, human rights group, rights groups, rights group, watchdog, human rights activists, rights activists, human rights organization, human rights organisation');
addEn('NGO', 'aid agencies, aid agency, aid workers, aid worker, charity, charities, relief agencies, relief agency, relief workers, rescue teams, rescue team, rescuers, volunteers, donors, monitors, observers, non-governmental organizations, ngos, ngo');
addEn('IGO', 'peacekeepers, peacekeeper, inspectors, inspector, commission, mission, panel, international community');
addEn('GOV', 'council, committee, commissions, agency, agencies, organization, organisation, organizations, organisations, group, groups, movement, front, alliance, bloc, federation, association, body, forum, network, wing, republic, agents, conference, bureau, office, institute, leadership, establishment', true);
addEn('UAF', 'terror group, terror network, terrorist group, terrorist network, terror cell, terrorist cell, armed group, armed groups, armed gang, death squad, death squads');
addEn('COP', 'border patrol, border patrol agents, customs officers');

// Ministers and ministries by portfolio (finance minister, defence ministry, trade secretary).
for (const portfolio of ['finance', 'foreign', 'interior', 'justice', 'trade', 'economy', 'economic', 'health', 'education', 'energy', 'oil', 'agriculture', 'labour', 'labor', 'information', 'culture', 'transport', 'environment', 'home', 'industry', 'commerce', 'planning', 'investment', 'communications', 'water', 'mining', 'tourism', 'housing', 'immigration', 'security', 'development']) {
  addEn(portfolio === 'security' ? 'COP' : 'GOV', `${portfolio} minister, ${portfolio} ministers, ${portfolio} ministry, ${portfolio} secretary, ${portfolio} chief, ${portfolio} officials`);
}
for (const portfolio of ['defence', 'defense', 'war']) addEn('MIL', `${portfolio} minister, ${portfolio} ministry, ${portfolio} secretary, ${portfolio} officials`);

/** The CAMEO agent code of an English noun or noun phrase (lower case), if it names an agent. */
export function englishAgent(phrase: string): string | undefined {
  return EN_AGENTS[phrase];
}

/** The longest agent phrase in words (for multiword matching). */
export const EN_AGENT_MAX_WORDS = Math.max(...Object.keys(EN_AGENTS).map((k) => k.split(' ').length));

/**
 * Modifiers that carry an agent code when they stand before a head noun ("opposition leaders",
 * "military officials", "rebel commanders", "police chief").
 */
const EN_MODIFIER_AGENTS: Record<string, string> = {
  opposition: 'OPP', rebel: 'REB', military: 'MIL', army: 'MIL', defence: 'MIL', defense: 'MIL', naval: 'MIL', police: 'COP', security: 'COP',
  government: 'GOV', state: 'GOV', foreign: 'GOV', interior: 'GOV', cabinet: 'GOV', ministry: 'GOV', party: 'PTY', parliamentary: 'LEG',
  judicial: 'JUD', intelligence: 'SPY', media: 'MED', business: 'BUS', union: 'LAB', labour: 'LAB', labor: 'LAB', student: 'EDU',
  church: 'REL', religious: 'REL', militia: 'REB', guerrilla: 'REB', insurgent: 'INS', separatist: 'SEP', tribal: 'CVL', aid: 'NGO',
  relief: 'NGO', hospital: 'HLH', health: 'HLH', medical: 'HLH', refugee: 'REF', farm: 'AGR', farmers: 'AGR', civilian: 'CVL', court: 'JUD',
};

export function englishModifierAgent(word: string): string | undefined {
  return EN_MODIFIER_AGENTS[word];
}

/**
 * Titles before a person's name ("President Daniel Arap Moi", "Foreign Minister Ana Ruiz", "General
 * X"): the name that follows is a person, and the title says the agent.
 */
const EN_TITLES: Record<string, string> = {
  president: 'GOV', 'vice president': 'GOV', 'prime minister': 'GOV', premier: 'GOV', chancellor: 'GOV', minister: 'GOV', 'foreign minister': 'GOV',
  'defence minister': 'MIL', 'defense minister': 'MIL', 'interior minister': 'GOV', 'finance minister': 'GOV', 'justice minister': 'JUD', secretary: 'GOV',
  'secretary of state': 'GOV', 'secretary-general': 'IGO', 'secretary general': 'IGO', king: 'GOV', queen: 'GOV', prince: 'GOV', emperor: 'GOV',
  sultan: 'GOV', emir: 'GOV', sheikh: 'GOV', governor: 'GOV', mayor: 'GOV', ambassador: 'GOV', envoy: 'GOV', 'special envoy': 'GOV', senator: 'LEG',
  congressman: 'LEG', speaker: 'LEG', general: 'MIL', 'lieutenant general': 'MIL', 'major general': 'MIL', 'brigadier general': 'MIL', colonel: 'MIL',
  admiral: 'MIL', marshal: 'MIL', commander: 'MIL', captain: 'MIL', major: 'MIL', judge: 'JUD', justice: 'JUD', prosecutor: 'JUD', pope: 'REL',
  cardinal: 'REL', archbishop: 'REL', bishop: 'REL', ayatollah: 'REL', imam: 'REL', rabbi: 'REL', 'spokesman': 'GOV', spokeswoman: 'GOV',
  leader: 'GOV', chief: 'GOV', 'opposition leader': 'OPP', 'rebel leader': 'REB', dr: 'GOV', mr: 'GOV', mrs: 'GOV', ms: 'GOV',
};

export function englishTitle(phrase: string): string | undefined {
  return EN_TITLES[phrase];
}

export const EN_TITLE_MAX_WORDS = Math.max(...Object.keys(EN_TITLES).map((k) => k.split(' ').length));

/**
 * Chinese agent nouns (Traditional or Simplified; keys are normalised like the text) and their
 * CAMEO agent code. Longer entries win (政府軍 is MIL, not 政府 GOV).
 */
export const ZH_AGENTS: Record<string, string> = {};

function addZh(code: string, words: string): void {
  for (const w of words.split(/[,，\s]+/).filter(Boolean)) ZH_AGENTS[w] = code;
}

addZh('GOV', '外務省 外务省 國務院 国务院 政府 當局 当局 內閣 内阁 外交部 內政部 内政部 財政部 财政部 總統府 总统府 總理府 总理府 官員 官员 領導人 领导人 首相 總理 总理 總統 总统 國王 国王 女王 皇帝 王室 部長 部长 外長 外长 大使 特使 外交官 代表團 代表团 發言人 发言人 使館 使馆 大使館 大使馆 市長 市长 州長 州长 省長 省长 談判代表 谈判代表 調解人 调解人 軍政府 军政府');
addZh('MIL', '軍方 军方 軍隊 军队 部隊 部队 士兵 官兵 軍人 军人 陸軍 陆军 海軍 海军 空軍 空军 政府軍 政府军 國防部 国防部 戰機 战机 軍艦 军舰 砲兵 炮兵 坦克 無人機 无人机 特種部隊 特种部队 國軍 国军 聯軍 联军 維和部隊 维和部队 海岸防衛隊 海岸防卫队 海警');
addZh('COP', '警方 警察 員警 员警 鎮暴警察 镇暴警察 防暴警察 安全部隊 安全部队 保安部隊 保安部队 邊防 边防 邊防部隊 边防部队 憲兵 宪兵 國民警衛隊 国民警卫队');
addZh('REB', '叛軍 叛军 反抗軍 反抗军 反政府武裝 反政府武装 武裝分子 武装分子 武裝人員 武装人员 民兵 游擊隊 游击队 激進分子 激进分子 聖戰士 圣战士 準軍事部隊 准军事部队 武裝團體 武装团体 民兵組織 民兵组织');
addZh('SEP', '分離分子 分离分子 分離主義者 分离主义者');
addZh('UAF', '槍手 枪手 不明人士 襲擊者 袭击者 攻擊者 攻击者 恐怖分子 極端分子 极端分子 自殺式炸彈客 自杀式炸弹客 炸彈客 炸弹客 歹徒');
addZh('CRM', '海盜 海盗 綁匪 绑匪 走私者 毒販 毒贩 黑幫 黑帮 駭客 黑客 幫派 帮派 暴徒');
addZh('OPP', '反對派 反对派 反對黨 反对党 示威者 示威民眾 示威民众 抗議者 抗议者 抗議人士 抗议人士 活動人士 活动人士 異議人士 异议人士 維權人士 维权人士 罷工者 罢工者');
addZh('PTY', '執政黨 执政党 政黨 政党 在野黨 在野党');
addZh('LEG', '國會 国会 議會 议会 議員 议员 參議院 参议院 眾議院 众议院 立法院 立法會 立法会 人大 國會議員 国会议员 議會委員會 议会委员会');
addZh('JUD', '法院 法官 檢察官 检察官 檢方 检方 最高法院 法庭 國際刑事法院 国际刑事法院');
addZh('SPY', '情報部門 情报部门 情報機構 情报机构 間諜 间谍');
addZh('MED', '媒體 媒体 官媒 記者 记者 報社 报社 電視台 电视台 通訊社 通讯社');
addZh('EDU', '學生 学生 大學生 大学生 教師 教师 老師 老师 學者 学者 科學家 科学家 學童 学童');
addZh('BUS', '企業 企业 公司 商人 業者 业者 廠商 厂商 銀行 银行 投資者 投资者 消費者 消费者');
addZh('LAB', '工人 工會 工会 勞工 劳工 礦工 矿工 碼頭工人 码头工人 司機 司机 員工 员工');
addZh('AGR', '農民 农民 漁民 渔民 牧民');
addZh('HLH', '醫生 医生 護士 护士 醫護人員 医护人员');
addZh('REF', '難民 难民 移民 流離失所者');
addZh('CVL', '民眾 民众 平民 居民 村民 市民 群眾 群众 青年 婦女 妇女 囚犯 人質 人质 遊客 游客 數千人 数千人 數百人 数百人 數萬人 数万人 上千人');
addZh('REL', '教宗 教皇 教會 教会 主教 神父 牧師 牧师 僧侶 僧侣');
addZh('HRI', '人權組織 人权组织 人權團體 人权团体');
addZh('NGO', '救援隊 救援队 援助機構 援助机构 慈善機構 慈善机构 非政府組織 非政府组织 救援人員 救援人员');
addZh('IGO', '維和人員 维和人员 視察員 视察员 觀察員 观察员 調查人員 调查人员 國際社會 国际社会');
