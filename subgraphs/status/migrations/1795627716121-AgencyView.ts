import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyView1795627716121 implements MigrationInterface {
  name = 'AgencyView1795627716121';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tracked_complaint` ADD `channel` varchar(16) NULL");
    await queryRunner.query("ALTER TABLE `tracked_complaint` ADD `addressee` varchar(32) NULL");
    await queryRunner.query("ALTER TABLE `tracked_complaint` ADD `applicantNames` text NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tracked_complaint` DROP COLUMN `applicantNames`");
    await queryRunner.query("ALTER TABLE `tracked_complaint` DROP COLUMN `addressee`");
    await queryRunner.query("ALTER TABLE `tracked_complaint` DROP COLUMN `channel`");
  }
}
