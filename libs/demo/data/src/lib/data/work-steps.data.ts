import { StreetSegmentSpec } from './community.data';

/** One line of a materials & tools list. */
export interface MaterialLine {
  name: string;
  quantity: number;
  unit: string;
}

/** What a crew is told to do: title, work content (施工内容), materials, tools, safety notes. */
export interface WorkText {
  title: string;
  content: string;
  materials: MaterialLine[];
  tools: string[];
  safetyNotes: string;
}

/** The site a step works on. */
export interface StepSite {
  compound: string;
  buildings: number;
  units: number;
  households: number;
  segment: StreetSegmentSpec;
}

const SCHOOL_RULE = (segment: StreetSegmentSpec): string =>
  segment.school
    ? `${segment.school}学生上下学时段（07:00—08:00、11:30—12:30、16:30—17:30）禁止占道，人行通道保持畅通。`
    : '';

/** 电力: power cable to one building, with the building's power cut. */
export function powerStep(site: StepSite, building: string, units: number): WorkText {
  return {
    title: `${site.compound}${building}动力电缆入地及表箱改接`,
    content: `${building}停电施工：拆除与通信线缠绕的架空动力线，敷设入地动力电缆至楼前电缆分支箱，${units}个单元表箱改接，送电前绝缘测试。`,
    materials: [
      { name: '动力电缆YJV22-4×35', quantity: 60 + 25 * units, unit: '米' },
      { name: '电缆保护管MPP Φ110', quantity: 30 + 10 * units, unit: '米' },
      { name: '电缆分支箱', quantity: 1, unit: '台' },
      { name: '电缆中间接头', quantity: 2, unit: '套' },
      { name: '绝缘胶带', quantity: 2 * units, unit: '卷' },
    ],
    tools: ['绝缘手套', '验电器', '接地线', '液压压接钳', '兆欧表', '"禁止合闸 有人工作"标示牌'],
    safetyNotes:
      '停电、验电、挂接地线后方可作业，开关处断电挂牌（禁止合闸、有人工作）；停电公告须提前7日张贴并发布到楼宇居民群；提前联系独居老人及使用家用医疗设备的住户。',
  };
}

/** 燃气: locate and mark buried pipelines before anyone digs (管线交底). */
export function gasSurveyStep(site: StepSite): WorkText {
  return {
    title: `${site.compound}地下燃气管线交底及标识`,
    content: `会同城建施工队现场交底：探测${site.compound}内及${site.segment.street}沿线燃气管线走向与埋深，设置警示标识桩，签署管线交底记录。`,
    materials: [
      { name: '管线警示标识桩', quantity: 6 + 2 * site.buildings, unit: '根' },
      { name: '警示带', quantity: 100, unit: '米' },
    ],
    tools: ['管线探测仪', '可燃气体检测仪', '喷漆'],
    safetyNotes: '燃气管线两侧1米范围内禁止机械开挖，只准人工探挖；现场严禁明火。',
  };
}

/** 城建: the shared duct trench, closing part of the street. */
export function trenchStep(site: StepSite): WorkText {
  const metres = 80 + 40 * site.buildings;
  return {
    title: `${site.compound}管沟开挖及穿线管敷设`,
    content: `开挖${site.compound}至${site.segment.name}综合管沟约${metres}米，敷设电力、通信穿线管，砌筑检查井${site.buildings + 1}座，分段回填夯实；占用${site.segment.name}半幅施工。`,
    materials: [
      { name: 'HDPE穿线管Φ110', quantity: metres * 4, unit: '米' },
      { name: '中砂', quantity: Math.ceil(metres * 0.3), unit: '立方米' },
      { name: '水泥', quantity: Math.ceil(metres / 20), unit: '吨' },
      { name: '检查井盖', quantity: site.buildings + 1, unit: '套' },
      { name: '施工围挡', quantity: metres + 20, unit: '米' },
    ],
    tools: ['小型挖掘机', '破碎锤', '路面切割机', '平板夯', '警示灯', '反光锥'],
    safetyNotes: `施工区域连续围挡，夜间开启警示灯；先人工探挖确认地下管线再机械开挖；沟槽深度超过1.5米放坡或支护。${SCHOOL_RULE(site.segment)}`,
  };
}

/** 移动/电信/联通: pull fibre through the new duct and cut the households over. */
export function fibreStep(site: StepSite, operator: string): WorkText {
  return {
    title: `${site.compound}${operator}光缆入地及割接`,
    content: `${operator}光缆穿管敷设、熔接，${site.units}个单元分纤箱安装，${site.households}户中${operator}用户割接至新线路（割接期间断网约2小时），拆除本单位旧架空光缆。`,
    materials: [
      { name: '光缆GYTA-24芯', quantity: 120 + 40 * site.buildings, unit: '米' },
      { name: '子管Φ32', quantity: 100 + 40 * site.buildings, unit: '米' },
      { name: '光缆接头盒', quantity: 1 + Math.ceil(site.buildings / 2), unit: '个' },
      { name: '楼道分纤箱', quantity: site.units, unit: '个' },
      { name: '皮线光缆', quantity: 8 * site.households, unit: '米' },
    ],
    tools: ['光纤熔接机', 'OTDR', '穿管器', '人字梯', '绝缘手套', '安全带'],
    safetyNotes:
      '熔接机需现场供电；登高作业系安全带；与电力电缆保持间距，严禁触碰未确认停电的线缆；割接前2小时在楼宇居民群发布断网通知。',
  };
}

/** 市容: restore the surface and take the old overhead lines and poles down. */
export function restoreStep(site: StepSite): WorkText {
  return {
    title: `${site.compound}路面恢复及飞线拆除`,
    content: `拆除${site.compound}废弃架空线（飞线）及线杆、楼体线卡，恢复管沟路面与人行道，清运垃圾，恢复绿化。`,
    materials: [
      { name: '沥青混凝土', quantity: 2 + site.buildings, unit: '吨' },
      { name: '人行道透水砖', quantity: 30 + 10 * site.buildings, unit: '平方米' },
      { name: '路缘石', quantity: 20 + 5 * site.buildings, unit: '米' },
    ],
    tools: ['高空作业车', '小型压路机', '路面切割机', '断线钳', '渣土车'],
    safetyNotes: `拆除前须经电力及三家运营商签字确认线路已停用；高空作业车作业半径内设警戒；渣土车出场冲洗、苫盖。${SCHOOL_RULE(site.segment)}`,
  };
}

/** 水务: move a water main that crosses the trench, with a water cut. */
export function waterStep(site: StepSite): WorkText {
  return {
    title: `${site.compound}给水管线迁改`,
    content: `管沟与给水管交叉处迁改DN100给水管，更换阀门2处；迁改期间相关楼栋停水约4小时。`,
    materials: [
      { name: '给水管PE DN100', quantity: 24, unit: '米' },
      { name: '闸阀DN100', quantity: 2, unit: '个' },
      { name: '管件', quantity: 6, unit: '套' },
    ],
    tools: ['热熔焊机', '切管机', '试压泵'],
    safetyNotes: '停水前一日张贴停水通知并发布到楼宇居民群；恢复供水前冲洗消毒。',
  };
}

/** 热电: protect the district heating pipes at the crossing; no heating cut in season. */
export function heatingStep(site: StepSite): WorkText {
  return {
    title: `${site.compound}供热管线交叉处防护`,
    content: `管沟与供热管线交叉处加设保护套管、修补保温层，不停热作业。`,
    materials: [
      { name: '钢套管DN300', quantity: 6, unit: '米' },
      { name: '聚氨酯保温瓦', quantity: 12, unit: '米' },
    ],
    tools: ['气体检测仪', '通风机', '三脚架及救生绳'],
    safetyNotes: '供暖期（11月1日至次年3月31日）不得停热；检查井属有限空间，先通风、检测，设专人监护。',
  };
}

/** Weekend or holiday duty on a site with an open trench. */
export function dutyStep(compound: string): WorkText {
  return {
    title: `${compound}非工作日安全值守巡查`,
    content: `巡查${compound}管沟围挡、警示灯、沟槽盖板及临时用电，发现问题立即处置并报协调员。不进行噪声施工。`,
    materials: [],
    tools: ['手电', '警示灯备用电池', '巡查记录本'],
    safetyNotes: '不得进入沟槽；发现围挡倒伏、盖板移位立即设警戒。',
  };
}
