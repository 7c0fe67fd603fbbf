import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IssueCategory1795627132454 implements MigrationInterface {
  name = 'IssueCategory1795627132454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `complaint` ADD `issueCategory` varchar(300) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `complaint` DROP COLUMN `issueCategory`");
  }
}
