import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StreamSequences1795636606873 implements MigrationInterface {
  name = 'StreamSequences1795636606873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `applicant_mark_lock` ADD `markCount` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `status_mark` ADD `complaintSeq` int NULL");
    await queryRunner.query("ALTER TABLE `status_mark` ADD `applicantSeq` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `status_mark` DROP COLUMN `applicantSeq`");
    await queryRunner.query("ALTER TABLE `status_mark` DROP COLUMN `complaintSeq`");
    await queryRunner.query("ALTER TABLE `applicant_mark_lock` DROP COLUMN `markCount`");
  }
}
