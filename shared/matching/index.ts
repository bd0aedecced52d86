export * from './matcher';
export { readWorkTime, DEFAULT_DAY_HOURS, type WorkTime, type WorkDays } from './work-time';
export { dailyPay, payRatio, MONTH_WORK_DAYS } from './pay';
export { districtDistance, cityDistance, type DistrictDistance } from './district-distance';
export { reasonParams, reasonsLine } from './reason-text';
export { SignupIndex } from './signup-index';
export { rematchAll, type RematchPair, type RematchResult } from './rematch';
export { encodeReasons, decodeReasons } from './reason-codes';
