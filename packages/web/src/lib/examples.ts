/** Example games for the Games page (written for Brink; Gambit's text formats). */
export const exampleGames: { id: string; title: string; fileName: string; text: string }[] = [
  {
    id: 'deterrence-efg',
    title: 'Deterrence with a doubtful defender (extensive form)',
    fileName: 'deterrence.efg',
    text: `EFG 2 R "Deterrence with a doubtful defender" { "Challenger" "Defender" }
"Nature picks the defender's resolve; the challenger cannot see it"

c "" 1 "Resolve" { "Resolute" 2/5 "Irresolute" 3/5 } 0
p "" 1 1 "Challenger's choice" { "Challenge" "Status quo" } 0
p "" 2 1 "Resolute defender" { "Resist" "Concede" } 0
t "" 1 "Conflict" { -2 -1 }
t "" 2 "Defender concedes" { 2 -2 }
t "" 3 "Status quo" { 0 0 }
p "" 1 1 "Challenger's choice" { "Challenge" "Status quo" } 0
p "" 2 2 "Irresolute defender" { "Resist" "Concede" } 0
t "" 4 "Conflict (irresolute)" { -2 -3 }
t "" 5 "Defender concedes (irresolute)" { 2 -1 }
t "" 6 "Status quo (irresolute)" { 0 0 }
`,
  },
  {
    id: 'chicken-nfg',
    title: 'Chicken (normal form)',
    fileName: 'chicken.nfg',
    text: `NFG 1 R "Chicken" { "Row" "Column" }

{ { "Swerve" "Straight" }
{ "Swerve" "Straight" }
}
""

{
{ "" 0, 0 }
{ "" 1, -1 }
{ "" -1, 1 }
{ "" -10, -10 }
}
1 2 3 4
`,
  },
];
