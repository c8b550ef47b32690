/**
 * English test sentences "of the kind" the CAMEO 1.1b3 codebook (Schrodt 2012, chapter 2) gives as
 * examples: one news lead per line, written for Brink (not copied from the codebook or from news), with
 * the root code a human coder assigns. `null` marks sentences with no codable event (the coder must
 * produce nothing for them). Used by cameo-accuracy.test.ts and bench/evidence.bench.ts.
 */
export const CAMEO_SENTENCES_EN: readonly [string, string | null][] = [
  // 01 statements
  ['The Japanese foreign ministry declined to comment on reports of a secret meeting with North Korean envoys.', '01'],
  ['Mongolia\'s president said on Monday he was optimistic that the border dispute with China would be settled soon.', '01'],
  ['The Indian government denied on Friday accusations by Pakistan that its troops had crossed the ceasefire line.', '01'],
  ['Kenya is considering the possibility of sending police officers to help patrol the Somali border, officials said.', '01'],
  ['The Canadian prime minister expressed condolences to Turkey after the earthquake killed hundreds of people.', '01'],
  ['A militant group claimed responsibility on Sunday for the attack on a police station in Nigeria.', '01'],
  // 02 appeals
  ['The United Nations urged Sudan on Tuesday to allow aid workers into the western region.', '02'],
  ['Ukraine appealed to Germany for more air defence systems to protect its cities.', '02'],
  ['The Pope called on Israel and the Palestinians to resume peace negotiations.', '02'],
  ['Chile asked Argentina to extradite a former army officer wanted for murder.', '02'],
  ['Oxfam called on the international community to send food to refugees in Yemen.', '02'],
  ['The European Union urged Belarus to release jailed opposition leaders.', '02'],
  // 03 intent to cooperate
  ['Japan pledged on Wednesday to provide emergency aid to the Philippines after the typhoon.', '03'],
  ['Vietnam and Laos agreed to expand trade and investment over the next five years.', '03'],
  ['The Iranian president said his government was ready to hold talks with the International Atomic Energy Agency.', '03'],
  ['Russia offered to mediate between Armenia and Azerbaijan, the Kremlin said.', '03'],
  ['Egypt promised to ease restrictions on imports from Jordan.', '03'],
  ['Brazil vowed to cooperate with Colombia in the fight against drug trafficking.', '03'],
  // 04 consult
  ['The Chinese foreign minister visited Pakistan on Monday for talks on regional security.', '04'],
  ['French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Tuesday.', '04'],
  ['Thailand hosted a delegation of Cambodian officials to discuss the border.', '04'],
  ['Negotiators from Serbia and Kosovo held talks in Brussels on Thursday.', '04'],
  ['Egypt mediated between Israel and Hamas to end the fighting.', '04'],
  ['Putin spoke by telephone with the Turkish president about the grain corridor.', '04'],
  // 05 diplomatic cooperation
  ['The Australian prime minister praised Indonesia for its efforts against people smuggling.', '05'],
  ['Greece and Turkey signed an agreement on Friday to reduce tension in the Aegean.', '05'],
  ['The Japanese emperor apologized to South Korea for the suffering caused during the war.', '05'],
  ['Saudi Arabia and Iran restored diplomatic relations after seven years.', '05'],
  ['Kazakhstan recognized the new government of Kyrgyzstan on Monday.', '05'],
  ['The Dutch government endorsed the peace plan proposed by Norway.', '05'],
  // 06 material cooperation
  ['India and Japan conducted joint naval exercises in the Bay of Bengal.', '06'],
  ['Morocco extradited a French citizen suspected of fraud to France.', '06'],
  ['Singapore and Malaysia shared intelligence on a suspected terror cell.', '06'],
  ['Canada and Mexico expanded trade in farm products last year.', '06'],
  // 07 aid
  ['The United States provided military aid worth 300 million dollars to Ukraine.', '07'],
  ['China sent humanitarian aid to flood victims in Pakistan.', '07'],
  ['The World Bank lent Kenya 500 million dollars to build roads.', '07'],
  ['Sweden granted asylum to an Iranian journalist.', '07'],
  ['Russia supplied weapons to Syria, Western diplomats said.', '07'],
  // 08 yield
  ['Iran released two French citizens held in Tehran since 2022.', '08'],
  ['The United States lifted sanctions on Venezuelan oil exports.', '08'],
  ['Israel withdrew troops from the southern town on Sunday.', '08'],
  ['Armenia and Azerbaijan declared a ceasefire after two days of clashes.', '08'],
  ['Iraq allowed inspectors to visit the suspected weapons site.', '08'],
  ['The government of Nepal lifted the curfew in the capital.', '08'],
  // 09 investigate
  ['The United Nations launched an investigation into the killing of civilians in Myanmar.', '09'],
  ['Police in Brazil investigated the former minister for corruption.', '09'],
  // 10 demand
  ['Poland demanded that Belarus release the detained journalist.', '10'],
  ['China demanded that the Philippines withdraw its ships from the shoal.', '10'],
  ['Opposition groups demanded the resignation of the Peruvian president.', '10'],
  ['Russia demanded compensation from Ukraine for the damaged pipeline.', '10'],
  // 11 disapprove
  ['North Korea condemned the joint military drills of the United States and South Korea.', '11'],
  ['Turkey criticized Sweden for allowing protests outside its embassy.', '11'],
  ['India accused Pakistan of supporting militants in Kashmir.', '11'],
  ['Australia lodged a protest with China over the unsafe interception of its aircraft.', '11'],
  ['The Hungarian government blamed Brussels for the economic crisis.', '11'],
  ['Venezuela sued Colombia at the international court over the border.', '11'],
  // 12 reject
  ['North Korea rejected a South Korean offer of talks on family reunions.', '12'],
  ['Israel refused to allow the United Nations investigators into Gaza.', '12'],
  ['Russia vetoed a draft resolution on Syria at the Security Council.', '12'],
  ['Hungary rejected the European Union plan on migrants.', '12'],
  ['Syria turned down an offer of mediation from Qatar.', '12'],
  // 13 threaten
  ['North Korea threatened to strike American bases in Guam if the drills continued.', '13'],
  ['China threatened to impose sanctions on American defence firms that sell arms to Taiwan.', '13'],
  ['Iran threatened to close the Strait of Hormuz.', '13'],
  ['Russia warned of retaliation if NATO deployed missiles in Finland.', '13'],
  ['The Kenyan president issued an ultimatum to the striking doctors.', '13'],
  ['Pakistan threatened to cut diplomatic ties with Afghanistan.', '13'],
  // 14 protest
  ['Thousands of students demonstrated in Seoul against the tuition increase.', '14'],
  ['Farmers in France blocked roads with tractors to protest against cheap imports.', '14'],
  ['Workers at the Chilean copper mine went on strike for higher wages.', '14'],
  ['Prisoners in Turkey began a hunger strike to demand better conditions.', '14'],
  ['Protesters rioted in the Kenyan capital after the election.', '14'],
  // 15 force posture
  ['North Korea test-fired two ballistic missiles into the sea on Thursday, the South Korean military said.', '15'],
  ['Russia deployed additional troops near the Ukrainian border.', '15'],
  ['China conducted military exercises around Taiwan on Saturday.', '15'],
  ['India put its forces on high alert along the border with China.', '15'],
  ['North Korea conducted a nuclear test at its underground site.', '15'],
  // 16 reduce relations
  ['Argentina recalled its ambassador from Venezuela.', '16'],
  ['The United States imposed sanctions on three Iranian oil companies.', '16'],
  ['Ecuador expelled Mexican diplomats after the embassy raid.', '16'],
  ['Donors suspended aid to Somalia after the fraud was discovered.', '16'],
  ['The rebels broke off talks with the government on Monday.', '16'],
  ['Mali expelled the United Nations peacekeepers.', '16'],
  // 17 coerce
  ['Police in Egypt arrested twelve opposition activists on Friday.', '17'],
  ['The Iranian authorities detained a British-Iranian aid worker.', '17'],
  ['The military government of Myanmar declared a state of emergency.', '17'],
  ['Soldiers confiscated the land of villagers in the north.', '17'],
  ['Thailand deported forty Uyghur men to China.', '17'],
  // 18 assault
  ['Gunmen kidnapped three foreign engineers in Nigeria on Tuesday.', '18'],
  ['A suicide bomber killed twenty people at a market in Somalia.', '18'],
  ['Militants attempted to assassinate the governor of the province.', '18'],
  // 19 fight
  ['Israeli aircraft bombed targets in Lebanon overnight, the army said.', '19'],
  ['Russian forces shelled the Ukrainian city of Kharkiv on Sunday.', '19'],
  ['Sudanese troops clashed with rebels near the border.', '19'],
  ['Azerbaijan occupied three villages in the disputed region.', '19'],
  ['Pakistani soldiers opened fire on militants in the tribal area.', '19'],
  ['The navy of India blockaded the port.', '19'],
  // 20 mass violence
  ['The regime used chemical weapons against civilians in the suburbs, investigators said.', '20'],
  ['Militias massacred hundreds of villagers in the region, witnesses said.', '20'],
  // no codable event
  ['The weather in Seoul was warm on Tuesday.', null],
  ['Officials said the report would be published next year.', null],
  ['The museum in Tokyo opened a new exhibition of paintings.', null],
];
