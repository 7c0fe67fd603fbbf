import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApplicantMarkLock1795568222303 implements MigrationInterface {
  name = 'ApplicantMarkLock1795568222303';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `applicant_mark_lock` (`applicantIin` varchar(12) NOT NULL, `lastMarkAt` datetime(3) NOT NULL, PRIMARY KEY (`applicantIin`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `applicant_mark_lock`");
  }
}
