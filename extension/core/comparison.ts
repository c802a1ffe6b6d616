import type { Service } from '../../shared/domain/service';

/** The units chosen for side-by-side comparison (one huvudman and service at a time). */
export interface Comparison {
  huvudman: string;
  service: Service;
  unitIds: string[];
}
