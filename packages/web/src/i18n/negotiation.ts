/** Interface text of the Negotiation page's interval, warnings and model comparison. */
export const negotiation = {
  en: {
    'negotiation.interval': 'Forecast over the inputs\' ranges (90% of runs)',
    'negotiation.point': 'Point forecast (every input at its cited or assumed value): {x}',
    'negotiation.hangsOn': 'It turns on',
    'negotiation.noRanges': 'No input has a range: this is the point forecast only.',
    'negotiation.compare': 'SMP and EUM side by side',
    'negotiation.why': 'Why they differ',
    'negotiation.reading': 'What the number is',
    'negotiation.turnsOn': 'Turns on',
    'negotiation.warning': 'Caution',
    'negotiation.veto': 'Veto player',
    'negotiation.ruledOut': 'Ruled out by the sources',
  },
  'zh-Hant': {
    'negotiation.interval': '依輸入值範圍的預測區間（90% 的模擬）',
    'negotiation.point': '點預測（每個輸入取其引用或假設值）：{x}',
    'negotiation.hangsOn': '結論取決於',
    'negotiation.noRanges': '沒有輸入值附範圍：此為點預測。',
    'negotiation.compare': 'SMP 與 EUM 並列',
    'negotiation.why': '兩者為何不同',
    'negotiation.reading': '這個數字是什麼',
    'negotiation.turnsOn': '取決於',
    'negotiation.warning': '注意',
    'negotiation.veto': '否決者',
    'negotiation.ruledOut': '來源排除的範圍',
  },
} as const;
