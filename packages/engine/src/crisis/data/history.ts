/**
 * Dated covariates of the launch model (./../launch-model.ts) and of the hindcast chart, with their
 * provenance. `checked: 'seen'` means the dates were read in the stored copy of the page cited;
 * `checked: 'recalled'` means the dates are the commonly reported ones but the cited page was not
 * seen giving them (check before relying on the exact days). Weights (assumptions, stated in
 * docs/simulation.md): the main combined command-post exercise of a season (Key Resolve, Ulchi
 * Freedom Guardian and their successors Dong Maeng, Combined Command Post Training, Freedom Shield,
 * Ulchi Freedom Shield) counts 1 per day; the long Foal Eagle field-training window counts 0.5.
 */

export interface DatedWindow {
  readonly id: string;
  readonly name: string;
  /** First and last day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly url: string;
  readonly locator: string;
  readonly checked: 'seen' | 'recalled';
}

const GS_KRFE_2013 = 'https://www.globalsecurity.org/military/ops/key-resolve-foal-eagle-2013.htm';
const GS_KRFE_2016 = 'https://www.globalsecurity.org/military/ops/key-resolve-foal-eagle-2016.htm';
const WIKI_KR = 'https://en.wikipedia.org/wiki/Key_Resolve';
const WIKI_UFG = 'https://en.wikipedia.org/wiki/Ulchi-Freedom_Guardian';

/** US-ROK combined exercises, 2011 to 2023-04 (the 2011 ones feed the 12-month memory of 2012). */
export const EXERCISES: readonly DatedWindow[] = [
  { id: 'kr-2011', name: 'Key Resolve 2011', from: '2011-02-28', to: '2011-03-10', weight: 1, url: WIKI_KR, locator: 'annual February-April command post exercise', checked: 'recalled' },
  { id: 'fe-2011', name: 'Foal Eagle 2011', from: '2011-02-28', to: '2011-04-30', weight: 0.5, url: 'https://en.wikipedia.org/wiki/Foal_Eagle', locator: 'conducted annually in or around March', checked: 'recalled' },
  { id: 'ufg-2011', name: 'Ulchi Freedom Guardian 2011', from: '2011-08-16', to: '2011-08-26', weight: 1, url: 'https://asiamattersforamerica.org/articles/annual-joint-exercise-reinforces-us-korea-military-cooperation', locator: '"will take place August 16 through August 26" (UFG 11)', checked: 'seen' },
  { id: 'kr-2012', name: 'Key Resolve 2012', from: '2012-02-27', to: '2012-03-09', weight: 1, url: 'https://www.amc.af.mil/News/Article-Display/Article/145048/key-resolve-exercise-displays-key-results', locator: 'Key Resolve 12 kicked off Feb. 28 at Osan Air Base', checked: 'recalled' },
  { id: 'fe-2012', name: 'Foal Eagle 2012', from: '2012-03-01', to: '2012-04-30', weight: 0.5, url: 'https://en.wikipedia.org/wiki/Foal_Eagle', locator: 'conducted annually in or around March', checked: 'recalled' },
  { id: 'ufg-2012', name: 'Ulchi Freedom Guardian 2012', from: '2012-08-20', to: '2012-08-31', weight: 1, url: 'https://www.dailynk.com/english/ulchi-freedom-guardian-dates-set/', locator: '"from August 20th to the 31st" (CFC statement)', checked: 'seen' },
  { id: 'kr-2013', name: 'Key Resolve 2013', from: '2013-03-11', to: '2013-03-21', weight: 1, url: GS_KRFE_2013, locator: '"Key Resolve would be conducted from 11 to 21 March 2013"', checked: 'seen' },
  { id: 'fe-2013', name: 'Foal Eagle 2013', from: '2013-03-01', to: '2013-04-30', weight: 0.5, url: GS_KRFE_2013, locator: '"between 1 March and 30 April 2013"', checked: 'seen' },
  { id: 'ufg-2013', name: 'Ulchi Freedom Guardian 2013', from: '2013-08-19', to: '2013-08-30', weight: 1, url: WIKI_UFG, locator: 'conducted annually during August or September', checked: 'recalled' },
  { id: 'kr-2014', name: 'Key Resolve 2014', from: '2014-02-24', to: '2014-03-06', weight: 1, url: 'https://www.tactical-life.com/news/u-s-south-korea-announce-2014-dates-for-key-resolve-foal-eagle-exercises/', locator: '"Key Resolve will take place Feb. 24 through March 6"', checked: 'seen' },
  { id: 'fe-2014', name: 'Foal Eagle 2014', from: '2014-02-24', to: '2014-04-18', weight: 0.5, url: 'https://www.tactical-life.com/news/u-s-south-korea-announce-2014-dates-for-key-resolve-foal-eagle-exercises/', locator: '"Foal Eagle is scheduled for Feb. 24 through April 18"', checked: 'seen' },
  { id: 'ufg-2014', name: 'Ulchi Freedom Guardian 2014', from: '2014-08-18', to: '2014-08-29', weight: 1, url: WIKI_UFG, locator: 'conducted annually during August or September', checked: 'recalled' },
  { id: 'kr-2015', name: 'Key Resolve 2015', from: '2015-03-02', to: '2015-03-13', weight: 1, url: WIKI_KR, locator: 'annual February-April command post exercise', checked: 'recalled' },
  { id: 'fe-2015', name: 'Foal Eagle 2015', from: '2015-03-02', to: '2015-04-24', weight: 0.5, url: 'https://en.wikipedia.org/wiki/Foal_Eagle', locator: 'conducted annually in or around March', checked: 'recalled' },
  { id: 'ufg-2015', name: 'Ulchi Freedom Guardian 2015', from: '2015-08-17', to: '2015-08-28', weight: 1, url: 'https://wbha4510.wixsite.com/opng/blank-cxg1', locator: 'Seventh Air Force: "came to a close Aug. 28, 2015" ... "began Aug. 17"', checked: 'seen' },
  { id: 'kr-2016', name: 'Key Resolve 2016', from: '2016-03-07', to: '2016-03-18', weight: 1, url: GS_KRFE_2016, locator: '"Key Resolve, slated for March 7-18"', checked: 'seen' },
  { id: 'fe-2016', name: 'Foal Eagle 2016', from: '2016-03-07', to: '2016-04-30', weight: 0.5, url: GS_KRFE_2016, locator: '"Foal Eagle training also started March 7 and continued until April 30"', checked: 'seen' },
  { id: 'ufg-2016', name: 'Ulchi Freedom Guardian 2016', from: '2016-08-22', to: '2016-09-02', weight: 1, url: WIKI_UFG, locator: 'conducted annually during August or September', checked: 'recalled' },
  { id: 'kr-2017', name: 'Key Resolve 2017', from: '2017-03-13', to: '2017-03-24', weight: 1, url: 'https://news.cgtn.com/news/3d67444e34634464776c6d636a4e6e62684a4856/share_p.html', locator: '"the 2017 Key Resolve was held in March"', checked: 'recalled' },
  { id: 'fe-2017', name: 'Foal Eagle 2017', from: '2017-03-01', to: '2017-04-30', weight: 0.5, url: 'https://news.cgtn.com/news/3d67444e34634464776c6d636a4e6e62684a4856/share_p.html', locator: '"the 2017 Foal Eagle was held between March and April"', checked: 'recalled' },
  { id: 'ufg-2017', name: 'Ulchi Freedom Guardian 2017', from: '2017-08-21', to: '2017-08-31', weight: 1, url: 'https://insidedefense.com/insider/ulchi-freedom-guardian-2017-exercise-begin-aug-21', locator: '"will begin ... Monday" (Aug. 21) ... "will run through Aug. 31"', checked: 'seen' },
  { id: 'fe-2018', name: 'Foal Eagle 2018 (shortened, after the Olympics)', from: '2018-04-01', to: '2018-04-26', weight: 0.5, url: 'https://dod.defense.gov/News/Archive/Tag/62797/foal-eagle/', locator: 'March 20, 2018: exercises resume, deconflicted with the Olympic Games', checked: 'recalled' },
  { id: 'kr-2018', name: 'Key Resolve 2018', from: '2018-04-23', to: '2018-05-03', weight: 1, url: 'https://news.cgtn.com/news/3d67444e34634464776c6d636a4e6e62684a4856/share_p.html', locator: '"the 2018 Key Resolve drills will be held in late April"', checked: 'recalled' },
  { id: 'dm-2019-1', name: 'Dong Maeng 19-1 (replaces Key Resolve)', from: '2019-03-04', to: '2019-03-12', weight: 1, url: 'http://www.xinhuanet.com/english/2019-03/03/c_137865041.htm', locator: '"the new Dong Maeng exercise slated to continue from March 4-12"', checked: 'seen' },
  { id: 'dm-2019-2', name: 'Dong Maeng 19-2 (replaces Ulchi Freedom Guardian)', from: '2019-08-05', to: '2019-08-20', weight: 1, url: 'https://en.wikipedia.org/wiki/Dong_Maeng', locator: '"the second held August 5 thru 20 of 2019"', checked: 'seen' },
  { id: 'ccpt-2020-2', name: 'Combined Command Post Training 2020 (the spring one postponed, COVID-19)', from: '2020-08-18', to: '2020-08-28', weight: 1, url: 'https://en.yna.co.kr/view/AEN20200827008551325', locator: '"began on Aug. 18" ... wrapped up Friday (Aug. 28)', checked: 'seen' },
  { id: 'ccpt-2021-1', name: 'Combined Command Post Training, spring 2021', from: '2021-03-08', to: '2021-03-18', weight: 1, url: 'https://www.globalsecurity.org/military/ops/ccpt.htm', locator: '"started 08 March 2021 ... until March 18th"', checked: 'seen' },
  { id: 'ccpt-2021-2', name: 'Combined Command Post Training, summer 2021', from: '2021-08-16', to: '2021-08-26', weight: 1, url: 'https://news.kbs.co.kr/news/view.do?ncd=5253020', locator: '"the main drills from next Monday through August 26"', checked: 'seen' },
  { id: 'ccpt-2022-1', name: 'Combined Command Post Training, spring 2022', from: '2022-04-18', to: '2022-04-28', weight: 1, url: 'http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=169047', locator: '"will run through April 28" (from Monday 18 April)', checked: 'seen' },
  { id: 'ufs-2022', name: 'Ulchi Freedom Shield 2022', from: '2022-08-22', to: '2022-09-01', weight: 1, url: 'https://www.usfk.mil/media/press-products/press-releases/article/3136232/cfc-usfk-and-unc-begin-ulchi-freedom-shield/', locator: '"began the Ulchi Freedom Shield (UFS) exercise Monday, August 22, 2022" ... "11-day"', checked: 'seen' },
  { id: 'fs-2023', name: 'Freedom Shield 2023', from: '2023-03-13', to: '2023-03-23', weight: 1, url: 'http://world.kbs.co.kr/service/news_view.htm?Seq_Code=84415&lang=s', locator: '"A partir del lunes 13 ... durante once días el ejercicio Freedom Shield"', checked: 'seen' },
];

/**
 * Leader-level diplomacy between the DPRK, the US and the ROK (the launch model's détente
 * indicator): from Kim Jong Un's 2018 New Year offer of talks to the Hanoi summit's breakdown.
 */
export const DETENTE: readonly DatedWindow[] = [
  {
    id: 'detente-2018',
    name: 'Summit diplomacy (Panmunjom, Singapore, Pyongyang, Hanoi)',
    from: '2018-01-01',
    to: '2019-02-28',
    weight: 1,
    url: 'https://www.nknews.org/2019/03/south-korea-u-s-to-end-annual-key-resolve-and-foal-eagle-military-drills/',
    locator: 'ends with the Hanoi summit (27-28 February 2019); starts with the 2018 New Year address and the January 2018 inter-Korean talks',
    checked: 'recalled',
  },
];

/** Summits shown on the hindcast chart (inside the détente window). */
export const SUMMITS: readonly DatedWindow[] = [
  { id: 'panmunjom-2018', name: 'Panmunjom inter-Korean summit', from: '2018-04-27', to: '2018-04-27', weight: 1, url: 'https://www.northkoreatimes.com/news/274042504/rok-decides-to-partially-suspend-2018-inter-korean-military-accord', locator: 'background: the 2018 inter-Korean summits', checked: 'recalled' },
  { id: 'singapore-2018', name: 'Trump-Kim summit, Singapore', from: '2018-06-12', to: '2018-06-12', weight: 1, url: 'https://www.globalsecurity.org/military/ops/ulchi-freedom-guardian.htm', locator: 'UFG 2018 suspended days after the Singapore summit', checked: 'recalled' },
  { id: 'pyongyang-2018', name: 'Pyongyang inter-Korean summit', from: '2018-09-18', to: '2018-09-20', weight: 1, url: 'http://ecns.cn/news/2019-03-04/detail-ifzezqac5083005.shtml', locator: '"the third summit between ... Moon Jae-in and ... Kim Jong Un in Pyongyang last September"', checked: 'seen' },
  { id: 'hanoi-2019', name: 'Trump-Kim summit, Hanoi (no agreement)', from: '2019-02-27', to: '2019-02-28', weight: 1, url: 'https://www.aninews.in/news/world/asia/us-s-korea-to-replace-key-resolve-drills-with-dong-maeng-exercise20190303222657/', locator: '"after the US-North Korea summit ended abruptly in Hanoi last week"', checked: 'seen' },
];

/**
 * The DPRK's COVID-19 border closure. Shown on the hindcast chart only: the training years have no
 * closure, so its effect cannot be estimated from them and the launch model does not use it.
 */
export const BORDER_CLOSURE: DatedWindow = {
  id: 'border-closure-2020',
  name: 'DPRK border closed (COVID-19)',
  from: '2020-01-22',
  to: '2023-08-31',
  weight: 1,
  url: 'https://www.janes.com/article/94563/us-south-korea-postpone-upcoming-combined-command-post-training-overconcerns-about-covid-19-coronavirus',
  locator: 'the pandemic period (the page covers the allies postponing their spring 2020 training); closure from late January 2020, partial reopening from August 2023',
  checked: 'recalled',
};
