import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795563416728 implements MigrationInterface {
  name = 'Init1795563416728';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `administrative_unit` (`katoCode` varchar(9) NOT NULL, `nameKk` varchar(300) NOT NULL, `nameRu` varchar(300) NOT NULL, `parentKatoCode` varchar(9) NULL, `akimOfficialId` varchar(36) NULL, INDEX `IDX_fe7cfde7e1f3c4961ca1905afc` (`parentKatoCode`), PRIMARY KEY (`katoCode`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `official` (`id` varchar(36) NOT NULL, `surname` varchar(100) NOT NULL, `name` varchar(100) NOT NULL, `patronymic` varchar(100) NULL, `position` varchar(200) NOT NULL, `serviceProviderId` varchar(36) NULL, `katoCode` varchar(9) NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `IDX_9cc19ec121c7d30105a782b7b2` (`serviceProviderId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `service_provider` (`id` varchar(36) NOT NULL, `bin` varchar(12) NOT NULL, `nameKk` varchar(300) NOT NULL, `nameRu` varchar(300) NOT NULL, `katoCode` varchar(9) NOT NULL, `headOfficialId` varchar(36) NULL, UNIQUE INDEX `IDX_015a0828d25325a2a754597cef` (`bin`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_015a0828d25325a2a754597cef` ON `service_provider`");
    await queryRunner.query("DROP TABLE `service_provider`");
    await queryRunner.query("DROP INDEX `IDX_9cc19ec121c7d30105a782b7b2` ON `official`");
    await queryRunner.query("DROP TABLE `official`");
    await queryRunner.query("DROP INDEX `IDX_fe7cfde7e1f3c4961ca1905afc` ON `administrative_unit`");
    await queryRunner.query("DROP TABLE `administrative_unit`");
  }
}
