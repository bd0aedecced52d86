import type { Posting, PublicPosting } from './schemas/posting';
import { maskPhone } from './format';

/** The only shape of a posting that leaves the host on a public route. */
export function toPublicPosting(l: Posting): PublicPosting {
  return {
    id: l.id,
    employerName: l.employerName,
    employerKind: l.employerKind,
    employerVerified: l.employerVerified,
    title: l.title,
    occupation: l.occupation,
    description: l.description,
    requirements: l.requirements,
    payMin: l.payMin,
    payMax: l.payMax,
    payUnit: l.payUnit,
    settlement: l.settlement,
    headcount: l.headcount,
    employmentType: l.employmentType,
    districtCode: l.districtCode,
    address: l.address,
    workTime: l.workTime,
    contactName: l.contactName,
    contactPhone: l.maskPhone ? maskPhone(l.contactPhone) : l.contactPhone,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    urgent: l.urgent,
    source: l.source,
    ...(l.booth ? { booth: l.booth } : {}),
    updatedAt: l.updatedAt,
  };
}
