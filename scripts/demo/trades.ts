/**
 * What postings in a Shangrao gig hall look like, trade by trade and job by job: titles, pay
 * in the units halls really use (元/时, 元/天, 元/单, 元/件, 元/课时, 元/月), duties,
 * requirements, hours and who typically hires. Each job carries its own details so a 叉车司机
 * never asks for a teaching licence.
 *
 * Requirements never name ethnicity, sex, religion, household registration or origin (the
 * 2025 notice bans them); skills, certificates and health are what employers may ask for.
 */
import type { OccupationCode } from '../../shared/occupations';
import type { EmployerKind, EmploymentType, PayUnit } from '../../shared/schemas/posting';

export interface PayOption {
  unit: PayUnit;
  /** Range the lower bound is drawn from, in yuan. */
  min: number;
  max: number;
  /** Amounts are multiples of this (0.5 for 元/单, 100 for 元/月 …). */
  step: number;
  /** How often the posting gives a range rather than one figure. */
  rangeChance: number;
}

export interface Job {
  title: string;
  duties: readonly string[];
  requirements: readonly string[];
  pay: readonly PayOption[];
  workTimes: readonly string[];
  employment: readonly EmploymentType[];
  /** Company name industry words: 上饶市信江{物流}有限公司. */
  industries: readonly string[];
  /** Shop names of 个体户: 老李{水电维修部}. */
  shops: readonly string[];
  kinds: readonly EmployerKind[];
  headcount: readonly [number, number];
}

export interface Trade {
  occupation: OccupationCode;
  jobs: readonly Job[];
  /** Relative frequency in the demo hall. */
  weight: number;
}

const p = (unit: PayUnit, min: number, max: number, step: number, rangeChance = 0.4): PayOption => ({
  unit,
  min,
  max,
  step,
  rangeChance,
});

const ALL: readonly EmployerKind[] = ['enterprise', 'individual-business', 'individual'];
const BIZ: readonly EmployerKind[] = ['enterprise', 'individual-business'];
const CO: readonly EmployerKind[] = ['enterprise'];

type JobSpec = Pick<Job, 'title' | 'duties' | 'requirements' | 'pay'> & Partial<Job>;

/** A trade's jobs share its defaults (hours, employers, headcount) unless they say otherwise. */
function trade(
  occupation: OccupationCode,
  weight: number,
  defaults: Omit<Job, 'title' | 'duties' | 'requirements' | 'pay'>,
  jobs: JobSpec[],
): Trade {
  return { occupation, weight, jobs: jobs.map((j) => ({ ...defaults, ...j })) };
}

export const TRADES: readonly Trade[] = [
  trade(
    'construction',
    8,
    {
      workTimes: ['7:00-11:30 13:30-17:30', '早7点到晚6点', '按工期，约15天', '长期有活'],
      employment: ['gig', 'temporary'],
      industries: ['建筑劳务', '建设工程', '建筑装饰'],
      shops: ['装修队', '建材店'],
      kinds: ALL,
      headcount: [2, 20],
    },
    [
      {
        title: '建筑小工',
        duties: ['住宅项目工地材料转运和清理', '配合大工搅拌砂浆、搬砖'],
        requirements: ['能吃苦耐劳', '身体健康，能适应户外作业', '服从现场安全管理'],
        pay: [p('day', 220, 300, 10, 0.3)],
      },
      {
        title: '钢筋工',
        duties: ['厂房主体钢筋绑扎', '住宅楼钢筋下料和绑扎'],
        requirements: ['有钢筋工经验', '能看懂简单图纸', '服从现场安全管理'],
        pay: [p('day', 320, 420, 10, 0.4)],
        kinds: BIZ,
      },
      {
        title: '瓦工',
        duties: ['室内贴砖和砌墙', '卫生间防水和贴砖'],
        requirements: ['三年以上瓦工经验', '自带常用工具'],
        pay: [p('day', 330, 450, 10, 0.4), p('piece', 40, 80, 5, 0.3)],
      },
      {
        title: '油漆工',
        duties: ['室内墙面刮腻子刷漆', '旧房翻新墙面处理'],
        requirements: ['有油漆工经验', '做工细致'],
        pay: [p('day', 280, 380, 10, 0.4)],
      },
      {
        title: '电焊工',
        duties: ['钢结构厂房焊接', '护栏和雨棚焊接'],
        requirements: ['持焊工证', '持高处作业证优先'],
        pay: [p('day', 320, 450, 10, 0.4)],
        kinds: BIZ,
      },
    ],
  ),
  trade(
    'moving',
    9,
    {
      workTimes: ['8:00-18:00', '晚班20:00-次日4:00', '随叫随到，按趟计', '早6:00-10:00'],
      employment: ['gig', 'temporary'],
      industries: ['物流', '供应链管理', '仓储'],
      shops: ['货运部', '搬家公司'],
      kinds: BIZ,
      headcount: [2, 15],
    },
    [
      {
        title: '搬运工',
        duties: ['物流园货物装卸', '建材市场装车卸车'],
        requirements: ['身体健康，能搬重物', '做事踏实'],
        pay: [p('day', 200, 320, 10, 0.4), p('hour', 25, 40, 1, 0.3)],
      },
      {
        title: '装卸工',
        duties: ['快递转运中心卸车', '超市配送中心装车'],
        requirements: ['手脚麻利', '能上夜班'],
        pay: [p('piece', 0.2, 0.6, 0.1, 0.2), p('day', 200, 300, 10, 0.3)],
      },
      {
        title: '分拣员',
        duties: ['电商仓库分拣打包', '生鲜仓按单拣货'],
        requirements: ['会用手持扫码枪，可现场教', '做事细心'],
        pay: [p('hour', 18, 25, 1, 0.3)],
      },
      {
        title: '搬家师傅',
        duties: ['居民搬家随车搬运', '办公室整体搬迁'],
        requirements: ['有搬家经验', '爱护客户物品'],
        pay: [p('day', 220, 320, 10, 0.3), p('piece', 80, 150, 10, 0.3)],
        shops: ['搬家公司'],
        industries: ['搬家服务'],
      },
    ],
  ),
  trade(
    'delivery',
    9,
    {
      workTimes: ['午高峰11:00-13:30', '晚高峰17:00-20:30', '时间自由', '8:00-18:00'],
      employment: ['gig', 'part-time'],
      industries: ['同城配送', '网络科技'],
      shops: ['配送站'],
      kinds: BIZ,
      headcount: [3, 30],
    },
    [
      {
        title: '外卖骑手',
        duties: ['城区外卖配送，就近派单', '站点众包配送，单量稳定'],
        requirements: ['会用智能手机导航', '有电动车优先', '熟悉城区道路'],
        pay: [p('order', 5, 9, 0.5, 0.3)],
      },
      {
        title: '快递员',
        duties: ['片区快递派送和揽收', '小区驿站快递派送'],
        requirements: ['熟悉片区道路', '服务态度好', '有电动三轮车优先'],
        pay: [p('piece', 0.8, 1.8, 0.1, 0.2), p('month', 4500, 7000, 100, 0.6)],
        industries: ['快递'],
        shops: ['快递驿站'],
        employment: ['gig', 'full-time'],
      },
      {
        title: '快递分拣员',
        duties: ['夜间快件分拣上架'],
        requirements: ['能上夜班', '做事细心'],
        pay: [p('hour', 18, 24, 1, 0.3)],
        industries: ['快递'],
        shops: ['快递驿站'],
        workTimes: ['夜班22:00-次日6:00'],
      },
      {
        title: '送水工',
        duties: ['桶装水送货上门'],
        requirements: ['身体健康', '有电动三轮车优先'],
        pay: [p('piece', 2, 4, 0.5, 0.2)],
        shops: ['水站'],
        industries: ['饮用水'],
      },
    ],
  ),
  trade(
    'driving',
    8,
    {
      workTimes: ['8:00-17:30', '早7:00-晚7:00', '做六休一', '按趟计'],
      employment: ['gig', 'temporary', 'full-time'],
      industries: ['物流', '运输', '汽车服务'],
      shops: ['货运部'],
      kinds: BIZ,
      headcount: [1, 6],
    },
    [
      {
        title: '司机',
        duties: ['公司商务用车驾驶', '市内送货车辆驾驶'],
        requirements: ['持C1及以上驾驶证', '三年以上驾龄', '无重大事故记录'],
        pay: [p('month', 5000, 7500, 100, 0.6), p('day', 220, 320, 10, 0.3)],
      },
      {
        title: '叉车司机',
        duties: ['仓库叉车装卸作业', '工厂原料和成品叉运'],
        requirements: ['持叉车证', '有仓库经验优先'],
        pay: [p('day', 220, 320, 10, 0.4), p('month', 5000, 7000, 100, 0.6)],
        industries: ['物流', '仓储', '电子科技'],
      },
      {
        title: '货车司机',
        duties: ['市内配送货车驾驶', '上饶至南昌干线运输'],
        requirements: ['持B2驾驶证', '持A2驾驶证', '熟悉赣东北路线'],
        pay: [p('day', 300, 450, 10, 0.4), p('month', 7000, 10000, 100, 0.6)],
        industries: ['物流', '运输'],
      },
      {
        title: '挖机司机',
        duties: ['工地土方开挖', '农田平整作业'],
        requirements: ['持挖掘机操作证', '两年以上经验'],
        pay: [p('day', 400, 600, 10, 0.4)],
        industries: ['机械租赁', '建设工程'],
        shops: ['机械租赁部'],
      },
    ],
  ),
  trade(
    'cleaning',
    8,
    {
      workTimes: ['6:30-11:00', '8:00-17:00', '按单上门', '周末全天'],
      employment: ['gig', 'part-time', 'full-time'],
      industries: ['家政服务', '物业管理', '保洁服务'],
      shops: ['家政服务部', '保洁服务部'],
      kinds: BIZ,
      headcount: [1, 10],
    },
    [
      {
        title: '保洁员',
        duties: ['写字楼公共区域保洁', '小区楼道和地面保洁'],
        requirements: ['做事细心', '身体健康'],
        pay: [p('month', 2200, 3200, 100, 0.5), p('hour', 18, 25, 1, 0.3)],
      },
      {
        title: '家政保洁',
        duties: ['居民家庭日常保洁', '厨房油烟机深度清洗'],
        requirements: ['有家政经验优先', '守时守信'],
        pay: [p('hour', 30, 45, 5, 0.3)],
        kinds: ALL,
      },
      {
        title: '开荒保洁',
        duties: ['新房装修后开荒保洁', '商铺交付前开荒'],
        requirements: ['能爬高擦玻璃', '有开荒经验优先'],
        pay: [p('day', 180, 260, 10, 0.3), p('piece', 3, 6, 0.5, 0.2)],
      },
      {
        title: '酒店客房服务员',
        duties: ['酒店客房整理和布草更换'],
        requirements: ['做事细心', '持健康证'],
        pay: [p('piece', 8, 15, 1, 0.2), p('month', 2600, 3500, 100, 0.5)],
        industries: ['酒店管理'],
        kinds: CO,
      },
      {
        title: '钟点工',
        duties: ['每周两次家庭保洁和做饭'],
        requirements: ['会做家常菜', '守时守信'],
        pay: [p('hour', 30, 40, 5, 0.2)],
        kinds: ['individual'],
        headcount: [1, 1],
      },
    ],
  ),
  trade(
    'catering',
    10,
    {
      workTimes: ['10:00-14:00 16:30-20:30', '每晚18:00-22:00', '周末婚宴', '早5:30-10:30'],
      employment: ['gig', 'part-time', 'full-time'],
      industries: ['餐饮管理', '酒店管理'],
      shops: ['饭店', '小吃店', '面馆', '酒楼'],
      kinds: BIZ,
      headcount: [1, 12],
    },
    [
      {
        title: '服务员',
        duties: ['酒楼宴席服务', '快餐店前厅点餐和收桌'],
        requirements: ['持健康证', '形象整洁', '有餐饮经验优先'],
        pay: [p('hour', 17, 26, 1, 0.3), p('month', 3000, 4200, 100, 0.5)],
      },
      {
        title: '传菜员',
        duties: ['婚宴周末传菜帮工', '酒楼后厨到包厢传菜'],
        requirements: ['手脚麻利', '能吃苦'],
        pay: [p('day', 120, 180, 10, 0.3), p('hour', 18, 25, 1, 0.3)],
      },
      {
        title: '洗碗工',
        duties: ['后厨餐具清洗和消毒'],
        requirements: ['持健康证', '能吃苦'],
        pay: [p('day', 110, 160, 10, 0.2), p('month', 2600, 3300, 100, 0.4)],
      },
      {
        title: '帮厨',
        duties: ['后厨洗菜切配', '早餐店备料'],
        requirements: ['持健康证', '会基本刀工'],
        pay: [p('day', 150, 220, 10, 0.3)],
      },
      {
        title: '厨师',
        duties: ['赣菜炒锅', '农家乐掌勺'],
        requirements: ['三年以上炒锅经验', '持健康证'],
        pay: [p('month', 5500, 8500, 100, 0.6)],
      },
      {
        title: '面点师',
        duties: ['早餐店包子馒头制作'],
        requirements: ['会做发面面点', '能早起'],
        pay: [p('month', 4500, 6500, 100, 0.5)],
        shops: ['早餐店', '包子铺'],
        workTimes: ['早4:30-10:30'],
      },
    ],
  ),
  trade(
    'retail',
    9,
    {
      workTimes: ['9:00-18:00', '周末全天', '每晚19:00-23:00', '两班倒'],
      employment: ['gig', 'part-time', 'full-time'],
      industries: ['商贸', '电子商务', '百货'],
      shops: ['便利店', '超市', '手机店', '服装店'],
      kinds: BIZ,
      headcount: [1, 10],
    },
    [
      {
        title: '客服',
        duties: ['电商店铺在线客服，按单计酬', '售后电话回访'],
        requirements: ['会用电脑打字', '有耐心', '普通话标准'],
        pay: [p('order', 8, 12, 1, 0.2), p('month', 3000, 4000, 100, 0.5)],
        industries: ['电子商务', '网络科技'],
      },
      {
        title: '理货员',
        duties: ['超市商品理货上架', '仓储超市补货'],
        requirements: ['做事踏实', '能上早班'],
        pay: [p('hour', 16, 22, 1, 0.3), p('month', 2600, 3400, 100, 0.5)],
      },
      {
        title: '促销员',
        duties: ['节假日商场促销', '超市试吃推广'],
        requirements: ['表达能力好', '普通话标准'],
        pay: [p('day', 120, 200, 10, 0.4)],
      },
      {
        title: '收银员',
        duties: ['超市和便利店收银'],
        requirements: ['会用收银系统，可培训', '有责任心'],
        pay: [p('month', 2600, 3500, 100, 0.5), p('hour', 16, 20, 1, 0.3)],
      },
      {
        title: '导购员',
        duties: ['服装店和手机店接待顾客'],
        requirements: ['形象整洁', '有销售经验优先'],
        pay: [p('month', 3000, 5000, 100, 0.6)],
      },
    ],
  ),
  trade(
    'repair',
    6,
    {
      workTimes: ['按单上门', '8:00-18:00', '旺季长期'],
      employment: ['gig', 'temporary', 'full-time'],
      industries: ['机电安装', '家电服务', '物业管理'],
      shops: ['水电维修部', '家电维修部', '五金店'],
      kinds: ALL,
      headcount: [1, 5],
    },
    [
      {
        title: '水电工',
        duties: ['小区住户水电维修', '商铺水电改造'],
        requirements: ['持电工证', '有三年以上经验', '自备常用工具'],
        pay: [p('day', 300, 450, 10, 0.4), p('piece', 50, 150, 10, 0.4)],
      },
      {
        title: '空调安装工',
        duties: ['空调移机和新机安装'],
        requirements: ['持高处作业证', '有安装经验'],
        pay: [p('piece', 80, 200, 10, 0.4)],
        shops: ['家电维修部', '电器店'],
        workTimes: ['旺季长期', '按单上门'],
      },
      {
        title: '家电维修工',
        duties: ['洗衣机冰箱上门维修'],
        requirements: ['会看电路图', '有维修经验'],
        pay: [p('piece', 50, 120, 10, 0.4), p('month', 4500, 7000, 100, 0.5)],
        shops: ['家电维修部'],
      },
      {
        title: '管道疏通师傅',
        duties: ['下水道和马桶疏通'],
        requirements: ['自备疏通机优先', '能按时上门'],
        pay: [p('piece', 60, 150, 10, 0.4)],
        shops: ['管道疏通部'],
      },
      {
        title: '门窗安装工',
        duties: ['铝合金门窗安装和调试'],
        requirements: ['有门窗安装经验', '持高处作业证优先'],
        pay: [p('day', 280, 380, 10, 0.4)],
        shops: ['门窗店'],
        kinds: BIZ,
      },
    ],
  ),
  trade(
    'factory',
    9,
    {
      workTimes: ['8:00-20:00 两班倒', '长白班8:00-17:30', '做六休一', '短期一个月'],
      employment: ['temporary', 'full-time', 'gig'],
      industries: ['电子科技', '食品', '光伏科技', '服饰', '包装材料'],
      shops: ['加工坊', '服装加工厂'],
      kinds: CO,
      headcount: [5, 60],
    },
    [
      {
        title: '普工',
        duties: ['电子厂流水线组装', '配件上料和搬运'],
        requirements: ['视力良好', '能适应倒班'],
        pay: [p('hour', 17, 24, 1, 0.3), p('month', 4000, 6000, 100, 0.6)],
      },
      {
        title: '包装工',
        duties: ['食品厂成品包装', '茶叶礼盒包装'],
        requirements: ['手脚麻利', '持健康证'],
        pay: [p('piece', 0.2, 1.0, 0.1, 0.3), p('hour', 17, 22, 1, 0.3)],
        industries: ['食品', '茶业', '包装材料'],
      },
      {
        title: '流水线操作工',
        duties: ['光伏组件串焊和层压', '汽车配件生产线操作'],
        requirements: ['能适应倒班', '有工厂经验优先'],
        pay: [p('month', 4500, 6500, 100, 0.6)],
        industries: ['光伏科技', '汽车零部件'],
      },
      {
        title: '质检员',
        duties: ['产品外观检验和记录'],
        requirements: ['视力良好', '会简单电脑操作'],
        pay: [p('month', 4000, 5500, 100, 0.5)],
      },
      {
        title: '缝纫工',
        duties: ['服装厂车位', '箱包缝制'],
        requirements: ['会平车', '有服装厂经验'],
        pay: [p('piece', 0.5, 3, 0.5, 0.3), p('month', 4500, 7000, 100, 0.6)],
        industries: ['服饰'],
        kinds: BIZ,
      },
    ],
  ),
  trade(
    'care',
    6,
    {
      workTimes: ['24小时住家', '白班8:00-20:00', '按次预约', '夜间陪护'],
      employment: ['temporary', 'full-time', 'part-time'],
      industries: ['家政服务', '养老服务', '健康管理'],
      shops: ['家政服务部', '护理站'],
      kinds: ALL,
      headcount: [1, 4],
    },
    [
      {
        title: '护工',
        duties: ['医院住院病人陪护', '术后病人护理'],
        requirements: ['有护理经验', '有爱心耐心'],
        pay: [p('day', 180, 300, 10, 0.4)],
        employment: ['gig', 'temporary'],
      },
      {
        title: '保姆',
        duties: ['居家老人照护和做饭', '家庭做饭和接送孩子'],
        requirements: ['会做家常菜', '有爱心耐心', '持健康证'],
        pay: [p('month', 4500, 6500, 100, 0.5)],
      },
      {
        title: '月嫂',
        duties: ['新生儿和产妇护理'],
        requirements: ['持母婴护理证', '有月嫂经验'],
        pay: [p('month', 8000, 13000, 500, 0.5)],
      },
      {
        title: '陪诊员',
        duties: ['陪同老人就医和取药'],
        requirements: ['熟悉市立医院就诊流程', '会用智能手机'],
        pay: [p('hour', 35, 60, 5, 0.3)],
        employment: ['gig', 'part-time'],
      },
      {
        title: '养老护理员',
        duties: ['养老院老人生活照料'],
        requirements: ['持养老护理员证优先', '有爱心耐心'],
        pay: [p('month', 3500, 5000, 100, 0.5)],
        kinds: CO,
        industries: ['养老服务'],
      },
    ],
  ),
  trade(
    'teaching',
    5,
    {
      workTimes: ['周末全天', '每周三次晚课', '工作日17:30-20:30', '寒暑假'],
      employment: ['part-time', 'temporary'],
      industries: ['教育咨询', '文化艺术培训'],
      shops: ['培训中心'],
      kinds: BIZ,
      headcount: [1, 3],
    },
    [
      {
        title: '中国舞教师',
        duties: ['少儿中国舞兴趣班授课', '考级班集体课'],
        requirements: ['舞蹈专业背景', '有少儿教学经验'],
        pay: [p('lesson', 100, 200, 10, 0.6)],
        shops: ['舞蹈工作室'],
      },
      {
        title: '书法老师',
        duties: ['少儿硬笔和软笔书法课'],
        requirements: ['书法功底扎实', '有教学经验'],
        pay: [p('lesson', 80, 150, 10, 0.5)],
        shops: ['书法培训室'],
      },
      {
        title: '小学数学家教',
        duties: ['上门一对一辅导作业'],
        requirements: ['师范专业优先', '有耐心'],
        pay: [p('hour', 50, 100, 10, 0.4)],
        kinds: ['individual'],
        headcount: [1, 1],
      },
      {
        title: '游泳教练',
        duties: ['暑期少儿游泳训练营带课'],
        requirements: ['持游泳社会体育指导员证', '持救生员证'],
        pay: [p('lesson', 80, 150, 10, 0.5)],
        industries: ['体育发展'],
        shops: ['游泳馆'],
      },
      {
        title: '钢琴陪练',
        duties: ['琴行学员课后陪练'],
        requirements: ['钢琴八级以上', '喜欢孩子'],
        pay: [p('lesson', 60, 120, 10, 0.5)],
        shops: ['琴行'],
      },
    ],
  ),
  trade(
    'media',
    5,
    {
      workTimes: ['每晚19:00-23:00', '14:00-22:00', '时间自由', '周末活动'],
      employment: ['part-time', 'gig', 'full-time'],
      industries: ['文化传媒', '电子商务', '网络科技'],
      shops: ['直播基地', '摄影工作室'],
      kinds: BIZ,
      headcount: [1, 5],
    },
    [
      {
        title: '直播助理',
        duties: ['直播间上链接和回复评论', '茶叶直播间场控'],
        requirements: ['会用智能手机和电脑', '反应快'],
        pay: [p('hour', 20, 30, 1, 0.4), p('month', 3500, 5000, 100, 0.6)],
      },
      {
        title: '带货主播',
        duties: ['婺源茶叶和马家柚直播带货', '本地农产品直播'],
        requirements: ['普通话标准', '表达能力好', '有直播经验优先'],
        pay: [p('day', 150, 300, 10, 0.4)],
      },
      {
        title: '短视频剪辑',
        duties: ['本地探店短视频剪辑', '企业宣传片剪辑'],
        requirements: ['会用剪映或PR', '有作品'],
        pay: [p('piece', 30, 120, 10, 0.4)],
      },
      {
        title: '拍摄助理',
        duties: ['婚礼和活动现场拍摄协助'],
        requirements: ['会用单反', '能扛设备'],
        pay: [p('day', 150, 250, 10, 0.4)],
        shops: ['摄影工作室'],
      },
    ],
  ),
  trade(
    'office',
    5,
    {
      workTimes: ['8:30-17:30', '工作日白天', '时间自由'],
      employment: ['part-time', 'temporary', 'full-time'],
      industries: ['企业管理咨询', '人力资源', '会展服务'],
      shops: ['打印店', '广告部'],
      kinds: BIZ,
      headcount: [1, 8],
    },
    [
      {
        title: '文员',
        duties: ['资料整理和归档', '公司日常行政事务'],
        requirements: ['会用办公软件', '做事细心'],
        pay: [p('month', 2600, 3800, 100, 0.5)],
      },
      {
        title: '数据录入员',
        duties: ['纸质档案录入系统'],
        requirements: ['打字速度快', '做事细心'],
        pay: [p('piece', 0.1, 0.5, 0.1, 0.3), p('hour', 16, 20, 1, 0.3)],
      },
      {
        title: '前台接待',
        duties: ['公司前台接待和电话转接'],
        requirements: ['形象整洁', '普通话标准'],
        pay: [p('month', 2800, 3600, 100, 0.5)],
        kinds: CO,
      },
      {
        title: '文案',
        duties: ['公众号和宣传册文案撰写'],
        requirements: ['文字功底好', '有作品'],
        pay: [p('piece', 30, 80, 10, 0.4)],
        industries: ['文化传播'],
      },
      {
        title: '问卷调查员',
        duties: ['入户和街头问卷调查'],
        requirements: ['会用智能手机填报', '表达清楚'],
        pay: [p('order', 5, 15, 1, 0.3)],
        employment: ['gig', 'temporary'],
      },
      {
        title: '会务助理',
        duties: ['会议签到和引导'],
        requirements: ['形象整洁', '有责任心'],
        pay: [p('day', 120, 200, 10, 0.4)],
        workTimes: ['会议期间3天'],
        employment: ['gig', 'temporary'],
      },
    ],
  ),
  trade(
    'farming',
    5,
    {
      workTimes: ['早6:00-11:00', '按季节约20天', '天亮到中午', '包吃住长期'],
      employment: ['gig', 'temporary'],
      industries: ['农业开发', '生态农业', '种养殖专业合作社'],
      shops: ['家庭农场', '果园'],
      kinds: ALL,
      headcount: [3, 40],
    },
    [
      {
        title: '采茶工',
        duties: ['婺源茶园春茶采摘', '高山茶园手工采摘'],
        requirements: ['有采茶经验优先', '能适应户外劳动'],
        pay: [p('day', 120, 200, 10, 0.4), p('piece', 20, 40, 1, 0.3)],
        industries: ['茶业'],
        shops: ['茶园'],
      },
      {
        title: '果园采摘工',
        duties: ['马家柚采摘装箱', '葡萄和猕猴桃采摘'],
        requirements: ['能爬梯', '身体健康'],
        pay: [p('day', 130, 200, 10, 0.4)],
      },
      {
        title: '插秧工',
        duties: ['早稻机插秧补苗', '水稻手工插秧'],
        requirements: ['有农活经验', '能下水田'],
        pay: [p('day', 180, 260, 10, 0.4)],
      },
      {
        title: '养殖场饲养员',
        duties: ['生猪养殖场饲喂和清洁', '养鸡场日常管理'],
        requirements: ['有养殖经验优先', '能住场'],
        pay: [p('month', 3800, 5500, 100, 0.5)],
        employment: ['full-time'],
        kinds: BIZ,
      },
      {
        title: '苗木工',
        duties: ['苗木修剪和移栽'],
        requirements: ['能适应户外劳动'],
        pay: [p('day', 150, 220, 10, 0.4)],
        shops: ['苗圃'],
      },
    ],
  ),
  trade(
    'other',
    5,
    {
      workTimes: ['12小时倒班', '活动当天', '周末全天', '9:00-17:00'],
      employment: ['gig', 'part-time', 'temporary', 'full-time'],
      industries: ['保安服务', '文化旅游', '会展服务', '物业管理'],
      shops: ['广告部', '庆典公司'],
      kinds: BIZ,
      headcount: [1, 20],
    },
    [
      {
        title: '保安',
        duties: ['小区门岗值守和巡逻', '商场夜间巡逻'],
        requirements: ['持保安员证优先', '有责任心'],
        pay: [p('month', 2600, 3800, 100, 0.5)],
        industries: ['保安服务', '物业管理'],
        kinds: CO,
      },
      {
        title: '礼仪人员',
        duties: ['开业庆典礼仪', '会议颁奖礼仪'],
        requirements: ['形象端正', '有礼仪经验优先'],
        pay: [p('day', 150, 300, 10, 0.4)],
        shops: ['庆典公司'],
      },
      {
        title: '停车管理员',
        duties: ['商场停车场收费引导'],
        requirements: ['有责任心', '会用智能手机'],
        pay: [p('hour', 15, 20, 1, 0.3), p('month', 2400, 3200, 100, 0.4)],
      },
      {
        title: '活动临时工',
        duties: ['展会布展撤展', '演唱会现场检票引导'],
        requirements: ['服从安排', '能站立工作'],
        pay: [p('day', 120, 220, 10, 0.4)],
      },
      {
        title: '景区讲解员',
        duties: ['三清山和望仙谷游客讲解'],
        requirements: ['普通话标准', '熟悉景区历史'],
        pay: [p('day', 150, 260, 10, 0.4), p('piece', 50, 100, 10, 0.3)],
        industries: ['文化旅游'],
      },
    ],
  ),
];
