/**
 * Traditional Chinese for the text the engine produces (the engine's output stays English: the CLI
 * JSON format is fixed). Keyed by stable ids: model id, `model.parameter`, the equilibrium kind
 * string, `model.threshold` (then the English meaning, since a threshold's meaning depends on the
 * side the parameters sit on), game-solver method id and bargaining stop reason. Sentences the
 * engine writes with numbers in them (result summaries) are not translated word for word: the page
 * composes them from the result's structured fields with translated labels (`summaryText`).
 *
 * engine-text.test.ts enumerates every model, parameter, equilibrium kind and threshold meaning the
 * engine produces (at defaults, over a grid of parameter points and at the default scenario's
 * values) and fails when one has no entry here.
 *
 * Terminology: 嚇阻 deterrence, 均衡 equilibrium, 可信度 credibility, 現狀 status quo, 讓步 concede,
 * 衝突 conflict, 升級 escalation, 有限回應 limited response, 挑戰者 challenger, 防衛者 defender,
 * 強硬/軟弱 Hard/Soft (types), 完美貝氏均衡 perfect Bayesian equilibrium.
 */
import type { Language } from './messages';

/** Model titles by model id. */
export const modelTitles: Record<string, string> = {
  radg: '初階不對稱嚇阻賽局',
  gmdg: '廣義相互嚇阻賽局',
  udg: '單邊嚇阻賽局',
  aeg: '不對稱升級賽局',
  extended: '延伸嚇阻（含受保護國）',
  brinkmanship: '邊緣政策（Schelling、Powell）',
  audience: '觀眾成本：綁手 vs 沉沒成本',
};

/** Parameter descriptions by model id, then parameter name. */
export const parameterDescriptions: Record<string, Record<string, string>> = {
  radg: {
    a_SQ: 'A 對現狀的效用',
    a_DC: 'B 讓步時 A 的效用（A 獲勝）',
    a_DD: 'A 對衝突的效用',
    b_SQ: 'B 對現狀的效用',
    b_DC: 'B 讓步時的效用',
    b_DD_hard: '強硬型 B 對衝突的效用',
    b_DD_soft: '軟弱型 B 對衝突的效用',
    p_B: 'B 的可信度：B 為強硬型的機率（偏好 DD 甚於 DC）',
  },
  gmdg: {
    a_SQ: 'A 對現狀的效用',
    a_DC: 'A 獲勝（B 屈服）時 A 的效用',
    a_CD: 'B 獲勝（A 屈服）時 A 的效用',
    a_DD_hard: '強硬型 A 對衝突的效用',
    a_DD_soft: '軟弱型 A 對衝突的效用',
    b_SQ: 'B 對現狀的效用',
    b_CD: 'B 獲勝（A 屈服）時 B 的效用',
    b_DC: 'A 獲勝（B 屈服）時 B 的效用',
    b_DD_hard: '強硬型 B 對衝突的效用',
    b_DD_soft: '軟弱型 B 對衝突的效用',
    p_A: 'A 的可信度：A 為強硬型的機率',
    p_B: 'B 的可信度：B 為強硬型的機率',
  },
  udg: {
    c_SQ: '挑戰者對現狀的效用',
    c_DC: '防衛者讓步時挑戰者的效用',
    c_CD: '挑戰者遭抵抗後退讓的效用',
    c_DD_hard: '強硬型挑戰者對衝突的效用',
    c_DD_soft: '軟弱型挑戰者對衝突的效用',
    d_SQ: '防衛者對現狀的效用',
    d_DC: '防衛者讓步時的效用',
    d_CD: '挑戰者退讓時防衛者的效用',
    d_DD_hard: '強硬型防衛者對衝突的效用',
    d_DD_soft: '軟弱型防衛者對衝突的效用',
    p_Ch: '挑戰者為強硬型的機率',
    p_Def: '防衛者的可信度：防衛者為強硬型的機率',
  },
  aeg: {
    c_SQ: '挑戰者對現狀的效用',
    c_DC: '防衛者讓步時挑戰者的效用',
    c_DD: '挑戰者對有限戰爭的效用（雙方皆停在 D 層級）',
    c_ED: '挑戰者升級而防衛者未升級時挑戰者的效用',
    c_DE: '防衛者升級而挑戰者未升級時挑戰者的效用',
    c_EE_hard: '強硬型挑戰者對全面戰爭（EE）的效用',
    c_EE_soft: '軟弱型挑戰者對全面戰爭（EE）的效用',
    d_SQ: '防衛者對現狀的效用',
    d_DC: '防衛者讓步時的效用',
    d_DD_hard: '戰術強硬型防衛者對有限戰爭（DD）的效用',
    d_DD_soft: '戰術軟弱型防衛者對有限戰爭（DD）的效用',
    d_DE: '防衛者升級而挑戰者未升級時防衛者的效用',
    d_ED: '挑戰者升級而防衛者未升級時防衛者的效用',
    d_EE_hard: '戰略強硬型防衛者對全面戰爭（EE）的效用',
    d_EE_soft: '戰略軟弱型防衛者對全面戰爭（EE）的效用',
    p_Ch: '挑戰者為強硬型的機率（偏好 EE 甚於 DE）',
    p_HH: '防衛者在戰術與戰略上皆為強硬型的機率',
    p_HS: '防衛者戰術強硬、戰略軟弱的機率',
    p_SH: '防衛者戰術軟弱、戰略強硬的機率',
    p_SS: '防衛者在戰術與戰略上皆為軟弱型的機率',
  },
  extended: {
    c_SQ: '挑戰者對現狀的效用',
    c_DC: '受保護國遭棄後屈服時挑戰者的效用',
    c_DP: '受保護國獨力抵抗時挑戰者的效用',
    c_CD: '挑戰者在同盟面前退讓的效用',
    c_DD: '挑戰者與同盟開戰的效用',
    d_SQ: '防衛者對現狀的效用',
    d_DC: '防衛者棄守且受保護國屈服時防衛者的效用',
    d_DP: '防衛者棄守且受保護國獨力抵抗時防衛者的效用',
    d_CD: '挑戰者退讓時防衛者的效用',
    d_DD_hard: '強硬型防衛者為受保護國而戰的效用',
    d_DD_soft: '軟弱型防衛者為受保護國而戰的效用',
    e_SQ: '受保護國對現狀的效用',
    e_DC: '受保護國遭棄後屈服的效用',
    e_DP: '受保護國遭棄後獨力抵抗（或改換陣營）的效用',
    e_CD: '挑戰者退讓時受保護國的效用',
    e_DD: '受保護國與防衛者並肩作戰的效用',
    p_Def: '防衛者的可信度：防衛者為強硬型的機率',
  },
  brinkmanship: {
    q: '挑戰者違抗時，威脅留給機運的戰爭風險',
    p: '挑戰者為強硬型的機率（無論風險多高都會違抗）',
    d_comply: '挑戰者順從時防衛者的效用',
    d_defy: '挑戰者違抗但未爆發戰爭時防衛者的效用',
    d_war: '防衛者對戰爭的效用',
    c_comply: '挑戰者順從的效用',
    c_defy: '挑戰者違抗但未爆發戰爭的效用',
    c_war_soft: '軟弱型挑戰者對戰爭的效用',
    c_war_hard: '強硬型挑戰者對戰爭的效用',
  },
  audience: {
    v: '堅決型發信者對該利益的價值（接收者退讓時保有）',
    v_soft: '不堅決型發信者對該利益的價值',
    w_hard: '堅決型發信者對戰爭的效用（> 0：寧可開戰也不退縮）',
    w_soft: '不堅決型發信者對戰爭的效用（< 0）',
    a: '公開威脅後退縮的觀眾成本（綁手）',
    m: '發出威脅的沉沒成本，事先支付（沉沒成本）',
    r_win: '發信者退縮時接收者的效用（> 0）',
    r_war_resolute: '堅決型接收者對戰爭的效用（> 0）',
    r_war: '不堅決型接收者對戰爭的效用（< 0）',
    p_S: '發信者為堅決型的機率',
    p_R: '接收者為堅決型的機率（無論信號如何都施壓）',
  },
};

/** Equilibrium kinds, by the engine's kind string (the paper's name for the equilibrium). */
export const equilibriumKinds: Record<string, string> = {
  'Deterrence Equilibrium': '嚇阻均衡',
  'Attack Equilibrium': '攻擊均衡',
  'Attack Equilibrium (A initiates)': '攻擊均衡（A 發動）',
  'Attack Equilibrium (B initiates)': '攻擊均衡（B 發動）',
  'Mutual Deterrence Equilibrium': '相互嚇阻均衡',
  'Mixed Equilibrium': '混合均衡',
  'Separating Equilibrium': '分離均衡',
  'Separating Equilibrium (Soft challenges)': '分離均衡（軟弱型挑戰）',
  'Certain Deterrence Equilibrium': '確定嚇阻均衡',
  'Bluff Equilibrium': '虛張聲勢均衡',
  'Escalatory Limited-Response Equilibrium': '升級型有限回應均衡',
  'Constrained Limited-Response Equilibrium': '受限型有限回應均衡',
  'Escalation Equilibrium': '升級均衡',
  'No-Response Equilibrium': '無回應均衡',
  'Challenge Equilibrium': '挑戰均衡',
  'Effective Threat Equilibrium': '有效威脅均衡',
  'Ineffective Threat Equilibrium': '無效威脅均衡',
  'No-Threat Equilibrium': '無威脅均衡',
  'Bluffing Equilibrium': '虛張聲勢均衡',
  'Commitment (Tied Hands) Equilibrium': '承諾（綁手）均衡',
  'Pooling Threat Equilibrium': '混同威脅均衡',
  'No-Signal Equilibrium': '無信號均衡',
  'Perverse Separating Equilibrium': '反常分離均衡',
  'Semi-Separating Equilibrium': '半分離均衡',
};

/** What the side of a threshold means: model id, threshold name, then the engine's English meaning. */
export const thresholdMeanings: Record<string, Record<string, Record<string, string>>> = {
  radg: {
    c_A: {
      'B is credible enough: A does not challenge': 'B 的可信度足夠：A 不挑戰',
      'B is not credible enough: A demands and B resists only if Hard': 'B 的可信度不足：A 提出要求，B 只有在強硬型時才抵抗',
      'exactly at the threshold: A is indifferent': '恰好位於門檻：A 對挑戰與否無差異',
    },
  },
  gmdg: {
    c_A_hard: {
      "a Hard A is deterred by B's threat": '強硬型 A 受 B 的威脅嚇阻',
      "a Hard A is not deterred by B's threat": '強硬型 A 不受 B 的威脅嚇阻',
    },
    c_A_soft: {
      "a Soft A is deterred by B's threat": '軟弱型 A 受 B 的威脅嚇阻',
      "a Soft A is not deterred by B's threat": '軟弱型 A 不受 B 的威脅嚇阻',
    },
    c_B_hard: {
      "a Hard B is deterred by A's threat (at prior beliefs)": '強硬型 B 受 A 的威脅嚇阻（以先驗信念計）',
      "a Hard B is not deterred by A's threat (at prior beliefs)": '強硬型 B 不受 A 的威脅嚇阻（以先驗信念計）',
    },
    c_B_soft: {
      "a Soft B is deterred by A's threat (at prior beliefs)": '軟弱型 B 受 A 的威脅嚇阻（以先驗信念計）',
      "a Soft B is not deterred by A's threat (at prior beliefs)": '軟弱型 B 不受 A 的威脅嚇阻（以先驗信念計）',
    },
  },
  udg: {
    pi_hard: {
      'Hard Defenders alone deter a Hard Challenger': '僅憑強硬型防衛者即可嚇阻強硬型挑戰者',
      'Hard Defenders alone do not deter a Hard Challenger': '僅憑強硬型防衛者不足以嚇阻強硬型挑戰者',
    },
    pi_soft: {
      'Hard Defenders alone deter a Soft Challenger': '僅憑強硬型防衛者即可嚇阻軟弱型挑戰者',
      'a Soft Challenger is tempted to bluff': '軟弱型挑戰者有虛張聲勢的誘因',
    },
    r_Def: {
      'a Soft Defender resists a pooled demand': '軟弱型防衛者抵抗混同的要求',
      'a Soft Defender concedes to a pooled demand': '軟弱型防衛者對混同的要求讓步',
    },
  },
  aeg: {
    p_HH_min: {
      'the Defender is not credible enough at both levels for deterrence to be certain': '防衛者在兩個層級的可信度不足，嚇阻無法確保',
      'the Defender is credible enough at both levels: every equilibrium is deterrence': '防衛者在兩個層級皆具足夠可信度：所有均衡皆為嚇阻',
    },
    q_hard: {
      'a Hard Challenger stops at DD after a limited response, if every tactically Hard Defender responds in kind': '若所有戰術強硬型防衛者皆對等回應，強硬型挑戰者在有限回應後停在 DD',
      'a Hard Challenger escalates after a limited response, if every tactically Hard Defender responds in kind': '若所有戰術強硬型防衛者皆對等回應，強硬型挑戰者在有限回應後升級',
    },
    q_soft: {
      'a Soft Challenger stops at DD after a limited response, if every tactically Hard Defender responds in kind': '若所有戰術強硬型防衛者皆對等回應，軟弱型挑戰者在有限回應後停在 DD',
      'a Soft Challenger escalates after a limited response, if every tactically Hard Defender responds in kind': '若所有戰術強硬型防衛者皆對等回應，軟弱型挑戰者在有限回應後升級',
    },
    r_hard: {
      'a strategically Hard Defender would rather escalate than concede when both Challenger types challenge': '兩型挑戰者皆挑戰時，戰略強硬型防衛者寧可升級也不讓步',
      'a strategically Hard Defender would rather concede than escalate when both Challenger types challenge': '兩型挑戰者皆挑戰時，戰略強硬型防衛者寧可讓步也不升級',
    },
    r_soft: {
      'a strategically Soft Defender would rather escalate than concede when both Challenger types challenge': '兩型挑戰者皆挑戰時，戰略軟弱型防衛者寧可升級也不讓步',
      'a strategically Soft Defender would rather concede than escalate when both Challenger types challenge': '兩型挑戰者皆挑戰時，戰略軟弱型防衛者寧可讓步也不升級',
    },
  },
  extended: {
    c_Ch: {
      'the Defender is credible enough: the Challenger stays put': '防衛者的可信度足夠：挑戰者按兵不動',
      'the Defender is not credible enough: the Challenger attacks the Protégé': '防衛者的可信度不足：挑戰者攻擊受保護國',
      'the Challenger is indifferent': '挑戰者無差異',
    },
  },
  brinkmanship: {
    q_min: {
      'the risk is large enough to make a Soft Challenger comply (effective)': '風險足以使軟弱型挑戰者順從（有效）',
      'the risk is too small to move a Soft Challenger (ineffective)': '風險太小，不足以使軟弱型挑戰者讓步（無效）',
    },
    q_max: {
      'the Defender can accept this risk (acceptable)': '防衛者能承受此風險（可接受）',
      'the risk is more than the Defender can accept': '風險超出防衛者所能承受',
    },
    r_Def: {
      'even a certain threat (q = 1) is acceptable to the Defender': '即使是必然執行的威脅（q = 1），防衛者也能接受',
      'a certain threat (q = 1) is too dangerous for the Defender': '必然執行的威脅（q = 1）對防衛者而言太危險',
    },
  },
  audience: {
    a_star: {
      'the audience cost ties the Signaler’s hands: even an irresolute Signaler fights after a threat': '觀眾成本綁住發信者的手：即使不堅決的發信者在威脅後也會開戰',
      'the audience cost is too small to commit an irresolute Signaler': '觀眾成本太小，無法使不堅決的發信者受承諾約束',
    },
    a_sep: {
      'the audience cost a called bluff would cost deters the irresolute type from bluffing': '虛張聲勢被揭穿時的觀眾成本足以嚇阻不堅決型虛張聲勢',
      'the audience cost is too small to deter bluffing': '觀眾成本太小，不足以嚇阻虛張聲勢',
    },
    m_sep: {
      'with the audience cost, the sunk cost deters bluffing': '連同觀眾成本，沉沒成本足以嚇阻虛張聲勢',
      'the sunk cost is too small to deter bluffing by itself': '沉沒成本太小，本身不足以嚇阻虛張聲勢',
    },
    m_max: {
      'a resolved Signaler can afford the signal': '堅決型發信者負擔得起此信號',
      'the signal costs more than a resolved Signaler gains from it': '此信號的成本高於堅決型發信者從中得到的好處',
    },
    r_star: {
      'an irresolute Receiver backs off even at the prior': '即使以先驗信念計，不堅決的接收者也會退讓',
      'at the prior an irresolute Receiver would press': '以先驗信念計，不堅決的接收者會施壓',
    },
  },
};

/** Outcome codes as the papers write them, spelled out (by model id, then code). */
export const outcomeNames: Record<string, Record<string, { en: string; 'zh-Hant': string }>> = {
  radg: {
    SQ: { en: 'status quo', 'zh-Hant': '現狀' },
    DC: { en: 'B concedes', 'zh-Hant': 'B 讓步' },
    DD: { en: 'conflict', 'zh-Hant': '衝突' },
  },
  gmdg: {
    SQ: { en: 'status quo', 'zh-Hant': '現狀' },
    DC: { en: 'A wins', 'zh-Hant': 'A 獲勝' },
    CD: { en: 'B wins', 'zh-Hant': 'B 獲勝' },
    DD: { en: 'conflict', 'zh-Hant': '衝突' },
  },
  udg: {
    SQ: { en: 'status quo', 'zh-Hant': '現狀' },
    DC: { en: 'Defender concedes', 'zh-Hant': '防衛者讓步' },
    CD: { en: 'Challenger backs down', 'zh-Hant': '挑戰者退讓' },
    DD: { en: 'conflict', 'zh-Hant': '衝突' },
  },
  aeg: {
    SQ: { en: 'status quo', 'zh-Hant': '現狀' },
    DC: { en: 'Defender concedes', 'zh-Hant': '防衛者讓步' },
    DD: { en: 'limited war', 'zh-Hant': '有限戰爭' },
    DE: { en: 'Defender escalates', 'zh-Hant': '防衛者升級' },
    ED: { en: 'Challenger escalates', 'zh-Hant': '挑戰者升級' },
    EE: { en: 'all-out war', 'zh-Hant': '全面戰爭' },
  },
  extended: {
    SQ: { en: 'status quo', 'zh-Hant': '現狀' },
    DC: { en: 'Protégé yields', 'zh-Hant': '受保護國屈服' },
    DP: { en: 'Protégé resists alone', 'zh-Hant': '受保護國獨力抵抗' },
    CD: { en: 'Challenger backs down', 'zh-Hant': '挑戰者退讓' },
    DD: { en: 'war with the alliance', 'zh-Hant': '與同盟開戰' },
  },
  brinkmanship: {
    CP: { en: 'Challenger complies', 'zh-Hant': '挑戰者順從' },
    DF: { en: 'defiance without war', 'zh-Hant': '違抗但未開戰' },
    WAR: { en: 'war', 'zh-Hant': '戰爭' },
  },
  audience: {
    BO: { en: 'Receiver backs off', 'zh-Hant': '接收者退讓' },
    BD: { en: 'Signaler backs down', 'zh-Hant': '發信者退縮' },
    WAR: { en: 'war', 'zh-Hant': '戰爭' },
  },
};

/** Players, chance-node labels and worded actions of the built game trees (paper codes such as C, D, E stay). */
export const gameWords: Record<string, string> = {
  Challenger: '挑戰者',
  Defender: '防衛者',
  Protege: '受保護國',
  Signaler: '發信者',
  Receiver: '接收者',
  types: '類型',
  'B type': 'B 的類型',
  'Defender type': '防衛者類型',
  'Challenger type': '挑戰者類型',
  'Signaler type': '發信者類型',
  'loss of control': '失控',
  'loss of control (Hard Challenger)': '失控（強硬型挑戰者）',
  'loss of control (Soft Challenger)': '失控（軟弱型挑戰者）',
  Resolute: '堅決',
  Hard: '強硬',
  Soft: '軟弱',
  Resolved: '堅決',
  Irresolute: '不堅決',
  Comply: '順從',
  Defy: '違抗',
  war: '戰爭',
  'no war': '未開戰',
  BackOff: '退讓',
  Press: '施壓',
  Fight: '開戰',
  Yield: '屈服',
};

/** Game-solver methods by id (`SOLVE_METHODS` of @brink/engine/games). */
export const solveMethods: Record<string, { en: string; 'zh-Hant': string }> = {
  enumpure: { en: 'pure-strategy enumeration', 'zh-Hant': '純策略枚舉' },
  enummixed: { en: 'mixed-strategy enumeration (vertex enumeration)', 'zh-Hant': '混合策略枚舉（頂點枚舉）' },
  lcp: { en: 'linear complementarity (Lemke–Howson / sequence form)', 'zh-Hant': '線性互補問題（Lemke–Howson／序列形式）' },
  spe: { en: 'subgame-perfect equilibria (backward induction)', 'zh-Hant': '子賽局完美均衡（逆向歸納）' },
  logit: { en: 'logit quantal response equilibrium', 'zh-Hant': 'Logit 量子回應均衡' },
  dominance: { en: 'elimination of dominated strategies', 'zh-Hant': '刪除劣勢策略' },
};

/** Why a bargaining run stopped: EUM (`EumStopReason`) and SMP (`SmpStopReason`). */
export const stopReasons: Record<string, { en: string; 'zh-Hant': string }> = {
  converged: { en: 'converged', 'zh-Hant': '已收斂' },
  'median-stable': { en: 'the median position is stable', 'zh-Hant': '中位立場已穩定' },
  'max-rounds': { en: 'round limit reached', 'zh-Hant': '已達回合上限' },
  'no-spread': { en: 'positions do not differ', 'zh-Hant': '各方立場無差異' },
  maxTurns: { en: 'round limit reached', 'zh-Hant': '已達回合上限' },
  cancelled: { en: 'cancelled', 'zh-Hant': '已取消' },
};

const fmt = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '—');

/** A view of the engine's text in one language: English returns the engine's own strings. */
export interface EngineText {
  modelTitle(id: string, english: string): string;
  parameter(model: string, name: string, english: string): string;
  kind(english: string): string;
  /** A map regime: the kinds at a point joined by ' + ' (or 'none'). */
  regime(english: string): string;
  meaning(model: string, threshold: string, english: string): string;
  /** An outcome's name: the model's own English name (`outcomeNames` on the model) or its translation. */
  outcome(model: string, code: string, english?: string): string | undefined;
  gameWord(english: string): string;
  method(id: string): string;
  stopReason(id: string): string;
  /** The result's one-paragraph reading: the engine's in English; composed from the fields otherwise. */
  summary(result: { summary: string; equilibria: readonly { kind: string }[]; complete: boolean }, worstFailure: number): string;
}

export function engineText(lang: Language): EngineText {
  const zh = lang === 'zh-Hant';
  const kind = (english: string) => (zh ? (equilibriumKinds[english] ?? english) : english);
  return {
    modelTitle: (id, english) => (zh ? (modelTitles[id] ?? english) : english),
    parameter: (model, name, english) => (zh ? (parameterDescriptions[model]?.[name] ?? english) : english),
    kind,
    regime: (english) => (english === 'none' ? (zh ? '無均衡' : 'no equilibrium') : english.split(' + ').map(kind).join(zh ? '＋' : ' + ')),
    meaning: (model, threshold, english) => (zh ? (thresholdMeanings[model]?.[threshold]?.[english] ?? english) : english),
    outcome: (model, code, english) => (zh ? (outcomeNames[model]?.[code]?.['zh-Hant'] ?? english) : (english ?? outcomeNames[model]?.[code]?.en)),
    gameWord: (english) => (zh ? (gameWords[english] ?? english) : english),
    method: (id) => solveMethods[id]?.[lang] ?? id,
    stopReason: (id) => stopReasons[id]?.[lang] ?? id,
    summary: (result, worstFailure) => {
      if (!zh) return result.summary;
      const kinds = [...new Set(result.equilibria.map((e) => kind(e.kind)))];
      if (kinds.length === 0) return '找不到均衡（可能是臨界情形）。';
      const count = `共 ${result.equilibria.length} 個均衡${result.complete ? '' : '（清單可能不完整）'}`;
      return `${count}：${kinds.join('、')}。最差均衡下嚇阻失敗的機率：${fmt(worstFailure)}。`;
    },
  };
}

interface TreeText {
  players: string[];
  nodes: { type: string; label?: string; infoset?: number }[];
  infosets: { label?: string; actions: string[] }[];
  outcomes?: { label: string }[];
}

/**
 * A built game tree for display in the language: players, chance moves (named by their
 * information set, as node labels stay empty in Gambit-17-valid exports) and worded actions
 * (type pairs such as Resolved/Resolute word by word) translated; outcomes shown by their code
 * (the label's first word: `EE (Hard Challenger, ...)` -> `EE`, the variant shows in the payoffs).
 */
export function translateTree<G extends TreeText>(game: G, text: Pick<EngineText, 'gameWord'>): G {
  const word = (a: string) => (/^[A-Z][a-z]+\/[A-Z][a-z]+$/.test(a) ? a.split('/').map(text.gameWord).join('/') : text.gameWord(a));
  return {
    ...game,
    players: game.players.map(text.gameWord),
    nodes: game.nodes.map((n) => {
      if (n.type !== 'chance') return n;
      const label = n.label || (n.infoset !== undefined ? (game.infosets[n.infoset]?.label ?? '') : '');
      return label ? { ...n, label: text.gameWord(label) } : n;
    }),
    infosets: game.infosets.map((s) => ({ ...s, actions: s.actions.map(word) })),
    ...(game.outcomes ? { outcomes: game.outcomes.map((o) => ({ ...o, label: o.label.split(' ')[0]! })) } : {}),
  };
}
